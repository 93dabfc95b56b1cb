package cn.zhengji.publicity;

import java.time.LocalDate;

/**
 * What an admin publishes: the list's title, the period (days in the campaign's time
 * zone, both included) and the notice text.
 */
public record PublicityInput(String title, LocalDate startsOn, LocalDate endsOn, String notice) {
}
