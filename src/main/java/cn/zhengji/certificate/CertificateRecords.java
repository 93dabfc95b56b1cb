package cn.zhengji.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.zhengji.certificate.IssuedCertificate.RecipientKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of the certificate module (V140). Callers scope and authorise. */
@Repository
class CertificateRecords {

	private final JdbcClient jdbc;

	CertificateRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CertificateTemplate> template(long campaignId) {
		return jdbc.sql("""
				select campaign_id, title, body, issuer, signature_date, seal_png, version
				from certificate_template where campaign_id = ?
				""")
			.param(campaignId)
			.query((rs, n) -> new CertificateTemplate(rs.getLong("campaign_id"), rs.getString("title"),
					rs.getString("body"), rs.getString("issuer"), rs.getObject("signature_date", LocalDate.class),
					rs.getBytes("seal_png"), true, rs.getInt("version")))
			.optional();
	}

	/**
	 * Inserts or updates the template; with {@code keepSeal} the stored seal stays.
	 * @return false when the row changed since {@code version} was read
	 */
	boolean saveTemplate(CertificateTemplate template, boolean keepSeal, long by, Instant at) {
		OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
		if (!template.stored()) {
			return jdbc.sql("""
					insert into certificate_template (campaign_id, title, body, issuer, signature_date, seal_png,
					    updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (campaign_id) do nothing
					""")
				.params(template.campaignId(), template.title(), template.body(), template.issuer(),
						template.signatureDate(), template.sealPng(), when, by)
				.update() == 1;
		}
		return jdbc.sql("""
				update certificate_template set title = ?, body = ?, issuer = ?, signature_date = ?,
				    seal_png = case when ? then seal_png else ? end, updated_at = ?, updated_by = ?,
				    version = version + 1
				where campaign_id = ? and version = ?
				""")
			.params(template.title(), template.body(), template.issuer(), template.signatureDate(), keepSeal,
					template.sealPng(), when, by, template.campaignId(), template.version())
			.update() == 1;
	}

	/**
	 * Issues a certificate or refreshes its texts: the code and the first issue date of
	 * one already issued for the work and recipient stay.
	 * @return true when it was new
	 */
	boolean issue(IssuedCertificate certificate, long by, Instant at) {
		OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
		return jdbc.sql("""
				insert into certificate (code, campaign_id, entry_id, recipient_kind, recipient_name, work_title,
				    award_name, category_name, organisation_name, campaign_title, issued_on, issued_at, issued_by,
				    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (campaign_id, entry_id, recipient_kind) do update set
				    recipient_name = excluded.recipient_name, work_title = excluded.work_title,
				    award_name = excluded.award_name, category_name = excluded.category_name,
				    organisation_name = excluded.organisation_name, campaign_title = excluded.campaign_title,
				    updated_at = excluded.updated_at
				returning (xmax = 0) as inserted
				""")
			.params(certificate.code(), certificate.campaignId(), certificate.entryId(),
					certificate.recipientKind().name(), certificate.recipientName(), certificate.workTitle(),
					certificate.awardName(), certificate.categoryName(), certificate.organisationName(),
					certificate.campaignTitle(), certificate.issuedOn(), when, by, when)
			.query(Boolean.class)
			.single();
	}

	private static final String SELECT = """
			select id, code, campaign_id, entry_id, recipient_kind, recipient_name, work_title, award_name,
			       category_name, organisation_name, campaign_title, issued_on
			from certificate
			""";

	/** The campaign's certificates in the order given: entry ids in award order. */
	List<IssuedCertificate> ofCampaign(long campaignId) {
		return jdbc.sql(SELECT + " where campaign_id = ? order by entry_id, recipient_kind")
			.param(campaignId)
			.query(CertificateRecords::certificate)
			.list();
	}

	Optional<IssuedCertificate> byCode(String code) {
		return jdbc.sql(SELECT + " where code = ?").param(code).query(CertificateRecords::certificate).optional();
	}

	private static IssuedCertificate certificate(ResultSet rs, int n) throws SQLException {
		return new IssuedCertificate(rs.getLong("id"), rs.getString("code"), rs.getLong("campaign_id"),
				rs.getLong("entry_id"), RecipientKind.valueOf(rs.getString("recipient_kind")),
				rs.getString("recipient_name"), rs.getString("work_title"), rs.getString("award_name"),
				rs.getString("category_name"), rs.getString("organisation_name"), rs.getString("campaign_title"),
				rs.getObject("issued_on", LocalDate.class));
	}

}
