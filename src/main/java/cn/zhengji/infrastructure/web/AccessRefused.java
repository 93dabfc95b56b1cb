package cn.zhengji.infrastructure.web;

/**
 * A signed-in user was answered 404 for an object that exists outside what it may see
 * ({@link NotVisibleException}). Published by {@link ErrorResponses}, once per request;
 * the audit module records it. It names the object and the request, nothing of the
 * object's content.
 *
 * @param targetType the audit target type of the object, e.g. {@code "entry"}
 * @param url the request's path (without the query string)
 */
public record AccessRefused(String targetType, String targetId, String method, String url) {
}
