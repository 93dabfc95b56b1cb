package cn.zhengji.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.certificate.CertificatePdf.Printed;
import cn.zhengji.certificate.IssuedCertificate.RecipientKind;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.QrCodes;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.PublicWork;
import cn.zhengji.submission.WorkOwners;
import cn.zhengji.submission.WorkOwners.WorkOwner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14 item 4: a campaign's certificate template, the certificates issued from its
 * final awards, their PDFs and the public verification of a code. Everything but
 * {@link #verify} only for the campaign's admins
 * ({@link CampaignAdministration#campaignFor}: 404 for anyone else).
 * <p>
 * Recipients: the winner of each work whose award is final
 * ({@link EntryState#AWARD_FINAL} with its level from {@link AwardedLevels}) — the person
 * who submitted it, or the unit for a work a union organisation submitted. Unit awards to
 * recommending units are not issued: no campaign's data has such awards (none in the 2024
 * notices).
 */
@Component
public class Certificates {

	/** The verification page's path, followed by the code. */
	public static final String VERIFY_PATH = "/certificates/verify/";

	private static final int QR_SIZE = 240;

	private final CampaignAdministration administration;

	private final Campaigns campaigns;

	private final Entries entries;

	private final WorkOwners owners;

	private final AwardedLevels awards;

	private final Accounts accounts;

	private final CertificateRecords records;

	private final CertificatePdf pdf;

	private final SealImages seals;

	private final AuditLog audit;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Certificates(CampaignAdministration administration, Campaigns campaigns, Entries entries, WorkOwners owners,
			AwardedLevels awards, Accounts accounts, CertificateRecords records, CertificatePdf pdf, SealImages seals,
			AuditLog audit, Texts texts, Clock clock, PlatformTransactionManager transactionManager) {
		this.administration = administration;
		this.campaigns = campaigns;
		this.entries = entries;
		this.owners = owners;
		this.awards = awards;
		this.accounts = accounts;
		this.records = records;
		this.pdf = pdf;
		this.seals = seals;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The admin page: the template, the placeholders, the winners and what is issued. */
	public record Page(Campaign campaign, CertificateTemplate template, Map<String, String> placeholders,
			List<IssuedCertificate> winners, List<IssuedCertificate> issued) {

		/** Whether every winner has its certificate. */
		public boolean allIssued() {
			return !winners.isEmpty() && issued.size() >= winners.size();
		}

	}

	/**
	 * The result of issuing: how many certificates the campaign has, how many are new.
	 */
	public record Issued(int total, int created) {
	}

	/**
	 * The template to save, as the admin typed it; {@code sealPng} null keeps the seal.
	 */
	public record TemplateInput(String title, String body, String issuer, LocalDate signatureDate, byte[] sealPng,
			boolean removeSeal, int version) {
	}

	/** Why a template was not saved. */
	public static class TemplateRejected extends RuntimeException {

		private final String messageKey;

		TemplateRejected(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		/** The Chinese message's key ({@code certificate.error.*}). */
		public String messageKey() {
			return messageKey;
		}

	}

	@Transactional(readOnly = true)
	public Page page(SignedInUser actor, String code) {
		Campaign campaign = administration.campaignFor(actor, code);
		return new Page(campaign, template(campaign), Placeholders.names(texts), winners(campaign),
				records.ofCampaign(campaign.id()));
	}

	/** The campaign's template, or the default when none is saved. */
	CertificateTemplate template(Campaign campaign) {
		return records.template(campaign.id())
			.orElseGet(() -> new CertificateTemplate(campaign.id(), texts.text("certificate.default.title"),
					texts.text("certificate.default.body"), campaign.hostOrganisationName(),
					LocalDate.now(clock.withZone(campaign.timeZone())), null, false, 0));
	}

	/**
	 * Saves the template.
	 * <p>
	 * Side effects: the {@code certificate_template} row inserted or updated (version +
	 * 1), an audit event UPDATED on {@code certificate_template} with the texts before
	 * and after (the seal as "changed" only), in one transaction.
	 * @throws TemplateRejected for an empty or too long text, or a seal that is no usable
	 * PNG; {@code certificate.error.changed} when someone saved it meanwhile
	 */
	@Transactional
	public void saveTemplate(SignedInUser actor, String code, TemplateInput input) {
		Campaign campaign = administration.campaignFor(actor, code);
		CertificateTemplate before = template(campaign);
		String title = required(input.title(), 40, "title");
		String body = required(input.body(), 1000, "body");
		String issuer = required(input.issuer(), 60, "issuer");
		if (input.signatureDate() == null) {
			throw new TemplateRejected("certificate.error.date");
		}
		boolean newSeal = input.sealPng() != null && input.sealPng().length > 0;
		if (newSeal) {
			SealImages.Problem problem = SealImages.check(input.sealPng());
			if (problem != null) {
				throw new TemplateRejected("certificate.error.seal." + problem.name());
			}
		}
		if (before.stored() && before.version() != input.version()) {
			throw new TemplateRejected("certificate.error.changed");
		}
		byte[] seal = input.removeSeal() ? null : (newSeal ? input.sealPng() : before.sealPng());
		CertificateTemplate after = new CertificateTemplate(campaign.id(), title, body, issuer, input.signatureDate(),
				seal, before.stored(), before.version());
		if (!records.saveTemplate(after, !newSeal && !input.removeSeal(), actor.accountId(), clock.instant())) {
			throw new TemplateRejected("certificate.error.changed");
		}
		audit.recordChange(AuditAction.UPDATED, "certificate_template", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("certificate.audit.template", campaign.title()), auditable(before), auditable(after));
	}

	private static Map<String, Object> auditable(CertificateTemplate template) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", template.title());
		values.put("body", template.body());
		values.put("issuer", template.issuer());
		values.put("signatureDate", template.signatureDate().toString());
		values.put("ownSeal", template.hasOwnSeal());
		return values;
	}

	private static String required(String value, int max, String field) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new TemplateRejected("certificate.error.required." + field);
		}
		if (text.length() > max) {
			throw new TemplateRejected("certificate.error.long." + field);
		}
		return text;
	}

	/**
	 * Issues the certificates of the campaign's final winners. Idempotent: a certificate
	 * already issued keeps its code and issue date, its texts are refreshed.
	 * <p>
	 * Side effects: a {@code certificate} row per winner (inserted or updated), an audit
	 * event CREATED on {@code certificate} with the counts, in one transaction.
	 */
	@Transactional
	public Issued issue(SignedInUser actor, String code) {
		Campaign campaign = administration.campaignFor(actor, code);
		int created = 0;
		List<IssuedCertificate> winners = winners(campaign);
		for (IssuedCertificate winner : winners) {
			if (records.issue(winner, actor.accountId(), clock.instant())) {
				created++;
			}
		}
		audit.recordChange(AuditAction.CREATED, "certificate", campaign.id(), campaign.hostOrganisationPath(),
				texts.plain("certificate.audit.issued", campaign.title(), winners.size(), created), null,
				Map.of("certificates", winners.size(), "created", created));
		return new Issued(winners.size(), created);
	}

	/**
	 * The certificates the campaign's final awards give, as they would be issued now (new
	 * codes for those not yet issued): best award first, then by work.
	 */
	List<IssuedCertificate> winners(Campaign campaign) {
		List<PublicWork> finals = entries.publicWorks(campaign.id(), List.of(), "")
			.stream()
			.filter((work) -> work.state() == EntryState.AWARD_FINAL)
			.toList();
		List<Long> ids = finals.stream().map(PublicWork::id).toList();
		Map<Long, AwardedLevel> levels = awards.of(ids);
		Map<Long, WorkOwner> workOwners = owners.of(ids);
		Map<Long, String> names = accounts
			.profiles(workOwners.values().stream().filter((o) -> !o.unit()).map(WorkOwner::accountId).toList())
			.stream()
			.collect(Collectors.toMap(AccountProfile::id, AccountProfile::displayName));
		Map<Long, String> categories = campaigns.categories(campaign)
			.stream()
			.collect(Collectors.toMap(Category::id, Category::name));
		Map<Long, PublicWork> byId = finals.stream().collect(Collectors.toMap(PublicWork::id, Function.identity()));
		LocalDate today = LocalDate.now(clock.withZone(campaign.timeZone()));
		List<IssuedCertificate> winners = new ArrayList<>();
		// AwardedLevels iterates best level first.
		for (AwardedLevel level : levels.values()) {
			PublicWork work = byId.get(level.entryId());
			WorkOwner owner = workOwners.get(level.entryId());
			if (work == null || owner == null) {
				continue;
			}
			boolean unit = owner.unit();
			String recipient = unit ? work.organisationName() : names.getOrDefault(owner.accountId(), "");
			winners.add(new IssuedCertificate(0, VerificationCodes.next(), campaign.id(), work.id(),
					unit ? RecipientKind.UNIT : RecipientKind.PERSON, recipient, work.title(), level.levelName(),
					categories.getOrDefault(work.categoryId(), ""), work.organisationName(), campaign.title(), today));
		}
		return winners;
	}

	/**
	 * One PDF of every issued certificate of the campaign (one page each).
	 * <p>
	 * Side effects: an audit event EXPORTED on {@code certificate}.
	 */
	public byte[] allAsPdf(SignedInUser actor, String code, String baseUrl) {
		Campaign campaign = administration.campaignFor(actor, code);
		List<IssuedCertificate> issued = issuedOrNone(campaign);
		CertificateTemplate template = template(campaign);
		byte[] document = pdf.render(issued.stream().map((c) -> printed(template, c, baseUrl)).toList(),
				sealUri(template));
		exported(campaign, issued.size(), "pdf");
		return document;
	}

	/**
	 * A ZIP of one PDF per issued certificate, named
	 * {@code <no>-<title>-<recipient>.pdf}, written to {@code out} as each is rendered.
	 * <p>
	 * Side effects: an audit event EXPORTED on {@code certificate}.
	 */
	public void allAsZip(SignedInUser actor, String code, String baseUrl, OutputStream out) throws IOException {
		Campaign campaign = administration.campaignFor(actor, code);
		List<IssuedCertificate> issued = issuedOrNone(campaign);
		CertificateTemplate template = template(campaign);
		String seal = sealUri(template);
		exported(campaign, issued.size(), "zip");
		ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		int number = 0;
		for (IssuedCertificate certificate : issued) {
			number++;
			zip.putNextEntry(new ZipEntry(fileName(number, certificate)));
			zip.write(pdf.render(List.of(printed(template, certificate, baseUrl)), seal));
			zip.closeEntry();
		}
		zip.finish();
	}

	/** The campaign's certificates; 404 when none is issued (nothing to download). */
	private List<IssuedCertificate> issuedOrNone(Campaign campaign) {
		List<IssuedCertificate> issued = records.ofCampaign(campaign.id());
		if (issued.isEmpty()) {
			throw new NotFoundException("certificates of " + campaign.code());
		}
		return issued;
	}

	/**
	 * Checks that the actor administers the campaign and that it has certificates, before
	 * a download starts; 404 otherwise.
	 */
	public void checkDownload(SignedInUser actor, String code) {
		issuedOrNone(administration.campaignFor(actor, code));
	}

	/**
	 * The audit event of a download, in its own short transaction (no PDF is rendered in
	 * one).
	 */
	private void exported(Campaign campaign, int count, String format) {
		transactions
			.executeWithoutResult((status) -> audit.recordChange(AuditAction.EXPORTED, "certificate", campaign.id(),
					campaign.hostOrganisationPath(), texts.plain("certificate.audit.exported", campaign.title(), count),
					null, Map.of("format", format, "certificates", count)));
	}

	static String fileName(int number, IssuedCertificate certificate) {
		String name = String.format("%03d-%s-%s", number, certificate.workTitle(), certificate.recipientName())
			.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		return (name.length() > 120 ? name.substring(0, 120) : name) + ".pdf";
	}

	/**
	 * A sample certificate with the current template: the first winner's texts (or
	 * placeholders' names when there is none), the code a sample.
	 */
	public byte[] preview(SignedInUser actor, String code, String baseUrl) {
		Campaign campaign = administration.campaignFor(actor, code);
		CertificateTemplate template = template(campaign);
		List<IssuedCertificate> issued = records.ofCampaign(campaign.id());
		IssuedCertificate sample = !issued.isEmpty() ? issued.get(0)
				: winners(campaign).stream().findFirst().orElseGet(() -> sampleOf(campaign));
		return pdf.render(List.of(printed(template, sample, baseUrl)), sealUri(template));
	}

	private IssuedCertificate sampleOf(Campaign campaign) {
		Map<String, String> names = Placeholders.names(texts);
		return new IssuedCertificate(0, "AAAAAAAAAAAA", campaign.id(), 0, RecipientKind.PERSON, names.get("recipient"),
				names.get("work"), names.get("award"), names.get("category"), names.get("unit"), campaign.title(),
				LocalDate.now(clock));
	}

	Printed printed(CertificateTemplate template, IssuedCertificate certificate, String baseUrl) {
		Map<String, String> names = Placeholders.names(texts);
		List<String> paragraphs = Placeholders.fill(template.body(), names, certificate)
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList();
		String verifyUrl = baseUrl + VERIFY_PATH + certificate.code();
		String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(verifyUrl, QR_SIZE));
		LocalDate date = template.signatureDate();
		return new Printed(Placeholders.fill(template.title(), names, certificate), paragraphs, template.issuer(),
				texts.text("certificate.date", date.getYear(), date.getMonthValue(), date.getDayOfMonth()),
				certificate.printedCode(), qr, verifyUrl);
	}

	private final Map<String, String> drawnSeals = new HashMap<>();

	private String sealUri(CertificateTemplate template) {
		byte[] png = template.hasOwnSeal() ? template.sealPng() : drawnSeal(template.issuer());
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
	}

	private byte[] drawnSeal(String issuer) {
		synchronized (drawnSeals) {
			String uri = drawnSeals.computeIfAbsent(issuer,
					(name) -> Base64.getEncoder().encodeToString(seals.drawn(name)));
			return Base64.getDecoder().decode(uri);
		}
	}

	/** The seal as shown on the admin page: the uploaded one or the drawn default. */
	public byte[] sealPng(SignedInUser actor, String code) {
		Campaign campaign = administration.campaignFor(actor, code);
		CertificateTemplate template = template(campaign);
		return template.hasOwnSeal() ? template.sealPng() : drawnSeal(template.issuer());
	}

	/** The certificate a typed code names, for the public page; empty when none. */
	public Optional<IssuedCertificate> verify(String typedCode) {
		return VerificationCodes.normalise(typedCode).flatMap(records::byCode);
	}

}
