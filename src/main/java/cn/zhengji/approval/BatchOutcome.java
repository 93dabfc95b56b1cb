package cn.zhengji.approval;

import java.util.List;
import java.util.Map;

/**
 * @param approved the entries approved (or recommended)
 * @param refused the entries left alone, each with the Chinese reason
 */
public record BatchOutcome(List<Long> approved, Map<Long, String> refused) {
}
