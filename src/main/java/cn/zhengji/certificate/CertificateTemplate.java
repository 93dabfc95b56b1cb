package cn.zhengji.certificate;

import java.time.LocalDate;

/**
 * A campaign's certificate template: the title, the body text with placeholders
 * ({@link Placeholders}), the issuing organisation, the signature date and, when the
 * admin uploaded one, the seal (PNG). {@code stored} is false for the default a campaign
 * has before its admin saves one.
 */
public record CertificateTemplate(long campaignId, String title, String body, String issuer, LocalDate signatureDate,
		byte[] sealPng, boolean stored, int version) {

	public boolean hasOwnSeal() {
		return sealPng != null;
	}

}
