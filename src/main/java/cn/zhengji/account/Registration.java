package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhengji.infrastructure.text.ReadableText;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-ORG-3 Participants register themselves: they prove they hold a mobile number with a
 * code sent by SMS, then name themselves, say who they are and where they belong, and
 * choose a password. Organisations offered are the Fujian tree ({@value #ROOT_CODE} and
 * below); demonstration units only while demo data is on.
 */
@Service
public class Registration {

	static final String ROOT_CODE = "fj";

	public static final int MAX_DISPLAY_NAME = 30;

	public static final long CODE_VALIDITY_MINUTES = OneTimeCodes.VALIDITY.toMinutes();

	private final OneTimeCodes codes;

	private final CodeDelivery delivery;

	private final AccountRecords records;

	private final Organisations organisations;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final boolean demoEnabled;

	private final Texts texts;

	Registration(OneTimeCodes codes, CodeDelivery delivery, AccountRecords records, Organisations organisations,
			PasswordEncoder passwordEncoder, AuditLog audit, TransactionTemplate transactions,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled, Texts texts) {
		this.texts = texts;
		this.codes = codes;
		this.delivery = delivery;
		this.records = records;
		this.organisations = organisations;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.transactions = transactions;
		this.demoEnabled = demoEnabled;
	}

	/**
	 * Sends a registration code to the number. Writes a {@code one_time_code} row (hash
	 * only) and sends one SMS through the {@link SmsGateway}.
	 * @param requestedFrom the client's address, for the per-address limit
	 * @throws InvalidAccountInput on field {@code mobile}: malformed number, asked again
	 * too soon, daily limit, too many codes from this address
	 */
	public MobileNumber sendCode(String mobileInput, String requestedFrom) {
		MobileNumber mobile = MobileNumber.parse(mobileInput)
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
		delivery.issue(mobile, OneTimeCodes.Purpose.REGISTRATION, requestedFrom, true);
		return mobile;
	}

	/**
	 * Creates the participant. Checks the fields first (no code attempt is spent on a
	 * form that is incomplete), then the code, then stores the account and consumes the
	 * code in one transaction. Writes an {@code account} row with the mobile encrypted,
	 * blind-indexed and masked, marks the code used, and records an audit event CREATED.
	 * @return the new account's id
	 * @throws InvalidAccountInput listing every problem; nothing is stored
	 */
	public long register(RegistrationCommand command) {
		MobileNumber mobile = MobileNumber.parse(command.mobile())
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
		List<FieldProblem> problems = new ArrayList<>();
		if (command.code() == null || !command.code().matches("\\d{6}")) {
			problems.add(new FieldProblem("code", "account.register.code.format"));
		}
		if (command.displayName() == null) {
			problems.add(new FieldProblem("displayName", "account.register.displayName.required"));
		}
		else if (command.displayName().length() > MAX_DISPLAY_NAME) {
			problems.add(new FieldProblem("displayName", "account.register.displayName.tooLong", MAX_DISPLAY_NAME));
		}
		displayNameCharacters(command.displayName()).ifPresent(problems::add);
		if (command.participantKind() == null) {
			problems.add(new FieldProblem("participantKind", "account.register.participantKind.required"));
		}
		Optional<Organisation> organisation = Optional.ofNullable(command.organisationId())
			.flatMap(organisations::findById)
			.filter(this::isOffered);
		if (organisation.isEmpty()) {
			problems.add(new FieldProblem("organisationIds", "account.register.organisation.required"));
		}
		problems
			.addAll(NewPasswords.check("password", command.password(), command.passwordRepeat(), null, mobile.value()));
		if (!command.agreementAccepted()) {
			problems.add(new FieldProblem("agreementAccepted", "account.register.agreement.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		long codeId = codes.verify(mobile, OneTimeCodes.Purpose.REGISTRATION, command.code()).acceptedCodeId();
		Organisation unit = organisation.orElseThrow();
		String hash = passwordEncoder.encode(command.password());
		try {
			return transactions.execute(status -> {
				if (!codes.consume(codeId)) {
					throw new InvalidAccountInput("code", "account.register.code.expired");
				}
				long id = records.insert(new NewAccount(null, mobile, command.displayName(), hash, Role.PARTICIPANT,
						command.participantKind(), unit.id(), false, false, null));
				audit.recordFor(id, command.displayName(), AuditAction.CREATED, "account", id, unit.path(),
						texts.text("account.audit.registered", mobile.masked(), unit.name()));
				return id;
			});
		}
		catch (DuplicateKeyException ex) {
			if (AccountRecords.violates(ex, "account_mobile_uq")) {
				throw new InvalidAccountInput("mobile", "account.register.mobile.taken");
			}
			throw ex;
		}
	}

	/** Where the organisation picker starts. */
	public Organisation root() {
		return organisations.getByCode(ROOT_CODE);
	}

	/** The units one may choose directly below the given one. */
	public List<Organisation> choicesBelow(long parentId) {
		return organisations.findById(parentId)
			.filter(this::isOffered)
			.map(parent -> organisations.children(parent.id()).stream().filter(this::isOffered).toList())
			.orElse(List.of());
	}

	/**
	 * The picker's state for a chosen unit, from the top: at each level the choices and
	 * the one chosen, plus the level below the chosen unit if it has children.
	 */
	public List<PickerLevel> pickerLevels(Long chosenId) {
		Organisation root = root();
		List<Long> chain = Optional.ofNullable(chosenId)
			.flatMap(organisations::findById)
			.filter(this::isOffered)
			.map(chosen -> organisations.ancestry(chosen).stream().map(Organisation::id).toList())
			.orElse(List.of());
		List<PickerLevel> levels = new ArrayList<>();
		int start = chain.indexOf(root.id());
		long parent = root.id();
		List<Long> below = start < 0 ? List.of() : chain.subList(start + 1, chain.size());
		Long rootChosen = start < 0 ? null : (below.isEmpty() ? root.id() : below.getFirst());
		levels.add(new PickerLevel(root, rootLevelChoices(root), rootChosen));
		for (int i = 0; i < below.size(); i++) {
			parent = below.get(i);
			List<Organisation> choices = choicesBelow(parent);
			if (choices.isEmpty()) {
				break;
			}
			Long chosen = i + 1 < below.size() ? below.get(i + 1) : null;
			levels.add(new PickerLevel(organisations.findById(parent).orElseThrow(), choices, chosen));
		}
		return levels;
	}

	/**
	 * The level below a unit the person chose, if it has units below it; the top level is
	 * never asked for.
	 */
	public Optional<PickerLevel> levelBelow(long parentId) {
		long rootId = root().id();
		return organisations.findById(parentId)
			.filter(this::isOffered)
			.filter(parent -> parent.id() != rootId)
			.map(parent -> new PickerLevel(parent, choicesBelow(parent.id()), null))
			.filter(level -> !level.choices().isEmpty());
	}

	/** The top level offers the province itself as well as its units. */
	public List<Organisation> rootLevelChoices(Organisation root) {
		List<Organisation> choices = new ArrayList<>();
		choices.add(root);
		choices.addAll(choicesBelow(root.id()));
		return choices;
	}

	boolean isOffered(Organisation organisation) {
		return organisation.path().startsWith(root().path()) && (demoEnabled || !organisation.demo());
	}

	/** One select of the cascading organisation picker. */
	public record PickerLevel(Organisation parent, List<Organisation> choices, Long chosenId) {

		/** The top level, where the parent itself can be chosen. */
		public boolean includesParent() {
			return choices.contains(parent);
		}
	}

	/** What a person fills in to register; the mobile is the one the code was sent to. */
	public record RegistrationCommand(String mobile, String code, String displayName, ParticipantKind participantKind,
			Long organisationId, String password, String passwordRepeat, boolean agreementAccepted) {

		@Override
		public String toString() {
			// Never the password, nor the full number, in a log line.
			return "RegistrationCommand[" + MobileNumber.parse(mobile).map(MobileNumber::masked).orElse("?") + "]";
		}
	}

	/**
	 * Issue 11 item 10: a display name holds no direction overrides, invisible or control
	 * characters (the platform's one rule for names, {@link ReadableText}).
	 */
	static Optional<FieldProblem> displayNameCharacters(String name) {
		return ReadableText.problem(name).map(problem -> new FieldProblem("displayName", problem.messageKey()));
	}

}
