package cn.zhengji.account;

/**
 * Something wrong with one field of a form, as a message code of {@code messages-account}
 * and its arguments, so that the web layer can show it next to the field.
 */
public record FieldProblem(String field, String messageCode, Object... arguments) {
}
