package cn.zhengji.activity;

import cn.zhengji.campaign.TargetMetric;

/**
 * R-ACT-3 One national target and what the units of a subtree have reached of it.
 *
 * @param target null when the campaign sets no target for the metric
 */
public record ReachFigure(TargetMetric metric, long value, Long target) {

	public Double percent() {
		return Progress.percent(value, target);
	}
}
