package cn.zhengji.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.security.StepUp;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.NotVisibleException;
import cn.zhengji.nomination.InvalidResidentIdNumberException;
import cn.zhengji.nomination.NominationDocuments;
import cn.zhengji.nomination.NominationRules;
import cn.zhengji.nomination.NominationSheet;
import cn.zhengji.nomination.ResidentIdNumber;
import cn.zhengji.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-NOM-1/2/3 The nomination form of good-netizen entries: checking what the nominator
 * typed, the ID number and mobile encrypted at rest (SM4, keys from configuration) with
 * masked copies, the audited "查看完整信息", and the form as PDF and Word. Who sees full
 * values: {@link EntryPolicy#maySeePersonalData}.
 */
@Service
public class NominationForms {

	/** The slot key of the 一寸彩照, an attachment of the entry like any other file. */
	public static final String PHOTO_SLOT = "nomination-photo";

	private final EntryRecords records;

	private final PersonalDataCipher cipher;

	private final NominationDocuments documents;

	private final StoredFiles storedFiles;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Texts texts;

	private final StepUp stepUp;

	NominationForms(EntryRecords records, PersonalDataCipher cipher, NominationDocuments documents,
			StoredFiles storedFiles, Campaigns campaigns, Organisations organisations, AuditLog auditLog, Clock clock,
			Texts texts, StepUp stepUp) {
		this.stepUp = stepUp;
		this.clock = clock;
		this.texts = texts;
		this.records = records;
		this.cipher = cipher;
		this.documents = documents;
		this.storedFiles = storedFiles;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.auditLog = auditLog;
	}

	/**
	 * The checked form, ready to store: what is shown and the ciphers of the personal
	 * data.
	 */
	record Checked(Nomination shown, byte[] mobileCipher, byte[] idNumberCipher) {
	}

	/**
	 * Checks the input against 附件4 and the stored form: the ID number by GB 11643 (check
	 * digit) with its birth date in 出生年月, the mobile as a mainland number, every text
	 * within the limits of {@link NominationRules} (推荐理由 at most 1500 characters, counted
	 * as the notice counts them). Empty fields are allowed while the entry is a draft;
	 * submitting requires them.
	 * @throws EntryChangeRejected naming the field
	 */
	Checked check(long entryId, NominationInput input) {
		Optional<EntryRecords.NominationRow> stored = records.nomination(entryId);
		String sex = input.sex();
		if (sex != null && !sex.equals("MALE") && !sex.equals("FEMALE")) {
			throw new EntryChangeRejected("sex", "submission.nomination.invalidSex");
		}
		YearMonth birthMonth = null;
		if (input.birthMonth() != null) {
			try {
				birthMonth = YearMonth.parse(input.birthMonth());
			}
			catch (DateTimeParseException ex) {
				throw new EntryChangeRejected("birthMonth", "submission.nomination.invalidBirthMonth");
			}
		}
		byte[] mobileCipher = stored.map(EntryRecords.NominationRow::mobileCipher).orElse(null);
		String mobileMasked = stored.map(row -> row.shown().mobileMasked()).orElse(null);
		if (input.mobile() != null && !input.mobile().equals(mobileMasked)) {
			MobileNumber mobile = MobileNumber.parse(input.mobile())
				.orElseThrow(() -> new EntryChangeRejected("mobile", "submission.nomination.invalidMobile"));
			mobileCipher = cipher.encrypt(mobile.value());
			mobileMasked = mobile.masked();
		}
		byte[] idCipher = stored.map(EntryRecords.NominationRow::idNumberCipher).orElse(null);
		String idMasked = stored.map(row -> row.shown().idNumberMasked()).orElse(null);
		ResidentIdNumber idNumber = null;
		if (input.idNumber() != null && !input.idNumber().equals(idMasked)) {
			try {
				idNumber = ResidentIdNumber.parse(input.idNumber(), clock);
			}
			catch (InvalidResidentIdNumberException ex) {
				throw new EntryChangeRejected("idNumber", "submission.nomination.invalidIdNumber", ex.getMessage());
			}
			idCipher = cipher.encrypt(idNumber.value());
			idMasked = idNumber.masked();
		}
		else if (idCipher != null) {
			idNumber = ResidentIdNumber.parse(cipher.decrypt(idCipher), clock);
		}
		if (idNumber != null && birthMonth != null && !idNumber.bornIn(birthMonth)) {
			throw new EntryChangeRejected("birthMonth", "submission.nomination.birthMonthMismatch",
					YearMonth.from(idNumber.birthDate()).getYear(),
					YearMonth.from(idNumber.birthDate()).getMonthValue());
		}
		requireWithin("name", input.name(), NominationRules.SHORT_MAX_CHARACTERS);
		requireWithin("politicalStatus", input.politicalStatus(), NominationRules.SHORT_MAX_CHARACTERS);
		requireWithin("accountName", input.accountName(), NominationRules.SHORT_MAX_CHARACTERS);
		requireWithin("platform", input.platform(), NominationRules.SHORT_MAX_CHARACTERS);
		requireWithin("followers", input.followers(), NominationRules.SHORT_MAX_CHARACTERS);
		requireWithin("unitAndPosition", input.unitAndPosition(), NominationRules.UNIT_MAX_CHARACTERS);
		requireWithin("profile", input.profile(), NominationRules.PROFILE_MAX_CHARACTERS);
		requireWithin("reasons", input.reasons(), NominationRules.REASONS_MAX_CHARACTERS);
		Nomination current = stored.map(EntryRecords.NominationRow::shown).orElse(Nomination.empty());
		Nomination shown = new Nomination(input.name(), sex, birthMonth, input.politicalStatus(), input.accountName(),
				input.platform(), input.followers(), input.unitAndPosition(), mobileMasked, idMasked, input.profile(),
				input.reasons(), current.workUnitOpinion(), current.recommendingUnitOpinion(),
				current.provinceOpinion());
		return new Checked(shown, mobileCipher, idCipher);
	}

	private static void requireWithin(String field, String text, int max) {
		int characters = CharacterCount.of(text);
		if (characters > max) {
			throw new EntryChangeRejected(field, "submission.nomination.tooLong", max, characters);
		}
	}

	void save(long entryId, Checked checked) {
		records.saveNomination(entryId, checked.shown(), checked.mobileCipher(), checked.idNumberCipher());
	}

	/**
	 * "查看完整信息": the full mobile and ID number for a viewer allowed to see them, each view
	 * recorded as VIEWED_PERSONAL_DATA (R-X-3). Anyone else gets a 404.
	 */
	@Transactional
	public Nomination.PersonalData revealPersonalData(SignedInUser actor, long entryId) {
		Entry entry = allowedEntry(actor, entryId);
		// issue 11 item 4: personal data in full asks for a recent second factor
		stepUp.require(actor);
		Nomination.PersonalData data = personalData(entryId);
		auditLog.recordChange(AuditAction.VIEWED_PERSONAL_DATA, "entry", entry.id(), entry.organisationPath(),
				texts.text("submission.audit.personalDataViewed", entry.title()), null, null);
		return data;
	}

	/** A downloadable document of the form. */
	public record Document(byte[] content, String fileName) {
	}

	/**
	 * The form of 附件4 as PDF or Word ({@code docx}); personal data masked unless
	 * {@code full} is asked by a viewer allowed to see it (then audited like a view).
	 */
	@Transactional
	public Document document(SignedInUser actor, long entryId, boolean word, boolean full) {
		Entry entry = NotVisibleException.visible(records.find(entryId), found -> EntryPolicy.mayRead(actor, found),
				"entry", entryId);
		Campaign campaign = campaigns.findById(entry.campaignId()).orElseThrow();
		if (!Entries.category(campaigns, campaign, entry.categoryId()).rules().nominationForm()) {
			throw new NotFoundException("nomination " + entryId);
		}
		// A form never saved prints empty, as the blank 附件4.
		Nomination shown = records.nomination(entryId)
			.map(EntryRecords.NominationRow::shown)
			.orElse(Nomination.empty());
		String mobile = shown.mobileMasked();
		String idNumber = shown.idNumberMasked();
		if (full) {
			allowedEntry(actor, entryId);
			stepUp.require(actor);
			Nomination.PersonalData data = personalData(entryId);
			mobile = data.mobile();
			idNumber = data.idNumber();
			auditLog.recordChange(AuditAction.VIEWED_PERSONAL_DATA, "entry", entry.id(), entry.organisationPath(),
					texts.text("submission.audit.personalDataDocument", word ? "Word" : "PDF", entry.title()), null,
					Map.of("format", word ? "docx" : "pdf"));
		}
		NominationSheet sheet = new NominationSheet(campaign.title(), shown.name(),
				shown.sex() == null ? null : texts.text("submission.nomination.sex." + shown.sex()), photo(entryId),
				shown.birthMonth(), shown.politicalStatus(), shown.accountName(), shown.platform(), shown.followers(),
				shown.unitAndPosition(), mobile, idNumber, entry.organisationName(), shown.profile(), shown.reasons(),
				shown.workUnitOpinion(), shown.recommendingUnitOpinion(), shown.provinceOpinion());
		String base = documents.fileName(sheet);
		return word ? new Document(documents.word(sheet), base + ".docx")
				: new Document(documents.pdf(sheet), base + ".pdf");
	}

	private Entry allowedEntry(SignedInUser actor, long entryId) {
		// Another unit's entry is a refused look (audited); one the actor reads but whose
		// personal data it may not see in full is simply not found here.
		return Optional
			.of(NotVisibleException.visible(records.find(entryId), found -> EntryPolicy.mayRead(actor, found), "entry",
					entryId))
			.filter(entry -> EntryPolicy.maySeePersonalData(actor,
					organisations.findById(actor.organisationId()).orElseThrow(), entry))
			.filter(entry -> records.nomination(entryId).isPresent())
			.orElseThrow(() -> new NotFoundException("entry " + entryId));
	}

	private Nomination.PersonalData personalData(long entryId) {
		EntryRecords.NominationRow row = records.nomination(entryId).orElseThrow();
		return new Nomination.PersonalData(row.mobileCipher() == null ? null : cipher.decrypt(row.mobileCipher()),
				row.idNumberCipher() == null ? null : cipher.decrypt(row.idNumberCipher()));
	}

	private byte[] photo(long entryId) {
		return records.attachments(entryId)
			.stream()
			.filter(file -> file.slotKey().equals(PHOTO_SLOT) && !file.blocksSubmission())
			.findFirst()
			.flatMap(file -> storedFiles.findCompleted(file.fileId()))
			.map(file -> {
				try {
					return Files.readAllBytes(storedFiles.localPath(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			})
			.orElse(null);
	}

}
