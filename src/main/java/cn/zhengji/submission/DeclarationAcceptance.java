package cn.zhengji.submission;

import java.time.Instant;

/** R-CAM-3 An explicit acceptance of one declaration text version, by whom and when. */
public record DeclarationAcceptance(String code, int textVersion, String title, String accountName,
		Instant acceptedAt) {
}
