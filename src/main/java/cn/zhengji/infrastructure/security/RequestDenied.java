package cn.zhengji.infrastructure.security;

/**
 * Spring Security refused a request (issue 11): the URL rules (a participant asking for
 * {@code /admin/…}) or a missing or wrong CSRF token. Published by the access-denied
 * handlers of {@link SecurityConfiguration}, which answer it as usual; the audit module
 * counts it.
 *
 * @param csrf whether the CSRF token was the reason
 * @param url the request's path (without the query string)
 */
public record RequestDenied(boolean csrf, String method, String url) {
}
