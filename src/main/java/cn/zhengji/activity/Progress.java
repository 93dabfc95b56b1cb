package cn.zhengji.activity;

import java.util.List;

import cn.zhengji.campaign.Campaign;

/**
 * R-ACT-1/2/3 Where a subtree stands in a campaign: the units with allocations inside it
 * (or the viewer's own union), the totals of the whole subtree, and the reach figures
 * against the targets.
 *
 * @param totalReported every event of the viewer's subtree, including those of units
 * without an allocation
 * @param totalAllocated the sum of the rows' allocations; null when no row has one
 */
public record Progress(Campaign campaign, List<ProgressRow> rows, long totalReported, Integer totalAllocated,
		List<ReachFigure> reach) {

	public Progress {
		rows = List.copyOf(rows);
		reach = List.copyOf(reach);
	}

	public Double totalPercent() {
		return percent(totalReported, totalAllocated == null ? null : totalAllocated.longValue());
	}

	static Double percent(long reached, Long target) {
		if (target == null || target <= 0) {
			return null;
		}
		return Math.round(reached * 1000.0 / target) / 10.0;
	}
}
