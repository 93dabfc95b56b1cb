package cn.zhengji.activity;

import cn.zhengji.campaign.TargetMetric;

/**
 * R-ACT-3 One national target and what the units of a subtree have reached of it.
 *
 * @param target null when the campaign sets no target for the metric
 * @param fromEvents for WORKERS_REACHED, the participants of the offline events included
 * in {@code value} (the rest was entered as reached otherwise); null for other metrics
 */
public record ReachFigure(TargetMetric metric, long value, Long target, Long fromEvents) {

	/** For WORKERS_REACHED: what units entered as reached other than at events. */
	public Long entered() {
		return fromEvents == null ? null : value - fromEvents;
	}

	public Double percent() {
		return Progress.percent(value, target);
	}
}
