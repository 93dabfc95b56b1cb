package cn.zhengji.certificate;

import java.time.LocalDate;

/**
 * A certificate as issued and printed: its verification code and what it certifies, a
 * snapshot taken when it was issued (issuing again refreshes the texts, keeps the code
 * and the first issue date).
 */
public record IssuedCertificate(long id, String code, long campaignId, long entryId, RecipientKind recipientKind,
		String recipientName, String workTitle, String awardName, String categoryName, String organisationName,
		String campaignTitle, LocalDate issuedOn) {

	/** Who a certificate is made out to. */
	public enum RecipientKind {

		/** The person who submitted the work. */
		PERSON,
		/** The union organisation that submitted the work. */
		UNIT

	}

	/** The code in groups of four, as printed. */
	public String printedCode() {
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
	}

}
