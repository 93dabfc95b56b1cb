package cn.zhengji.campaign;

/** R-ACT-3 A campaign-wide target. */
public record Target(TargetMetric metric, long target, boolean changedByAdmin) {
}
