package cn.zhengji.campaign;

/**
 * An element of a new definition file version that was NOT applied because an admin had
 * changed it.
 *
 * @param element what it is, in words (e.g. "阶段：自评申报")
 * @param kept the value kept (the admin's)
 * @param proposed the value in the definition file
 */
public record DefinitionConflict(String element, String kept, String proposed) {
}
