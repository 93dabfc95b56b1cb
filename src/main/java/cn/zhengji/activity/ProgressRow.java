package cn.zhengji.activity;

/**
 * R-ACT-1 One unit of the progress table: the events of its subtree against its
 * allocation.
 *
 * @param allocated null for a unit without an allocation (it still sees its own count)
 */
public record ProgressRow(long organisationId, String name, String path, Integer allocated, long reported) {

	/** Percent of the allocation reached, one decimal; null without an allocation. */
	public Double percent() {
		return Progress.percent(reported, allocated == null ? null : allocated.longValue());
	}
}
