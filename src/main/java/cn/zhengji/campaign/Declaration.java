package cn.zhengji.campaign;

/**
 * R-CAM-3 A declaration submitters accept explicitly. A changed text is a new
 * {@code textVersion}, so that an acceptance always refers to the exact words accepted.
 */
public record Declaration(long id, String code, int textVersion, String title, String body, int sortOrder) {
}
