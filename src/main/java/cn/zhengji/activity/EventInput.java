package cn.zhengji.activity;

/**
 * What a person typed to describe an offline event, unchecked: dates and numbers still as
 * text, so that a wrong one is answered with a message instead of a binding error.
 */
public record EventInput(String heldOn, String place, String enterprise, String participants, String description) {
}
