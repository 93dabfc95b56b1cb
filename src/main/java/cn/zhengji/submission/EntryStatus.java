package cn.zhengji.submission;

/**
 * R-SUB-1 Where an entry stands, as its submitter and the admins read it: the state with
 * the level reached, e.g. 已提交（待演示科技有限公司工会审核）, 已推荐（福州市总工会），待福建省总工会审核, 审核通过（福建省总工会）.
 * Rendered with {@link #messageCode()} and {@link #arguments()}
 * ({@code submission.status.*}).
 *
 * @param waitingAt where a SUBMITTED entry waits
 * @param recommendedBy the level that recommended it in this round of the chain
 * @param decidedBy the level that took the last decision (approved at the top, returned,
 * rejected)
 */
public record EntryStatus(EntryState state, String waitingAt, String recommendedBy, String decidedBy) {

	public String messageCode() {
		return switch (state) {
			case SUBMITTED -> waitingAt == null ? "submission.state.SUBMITTED"
					: recommendedBy == null ? "submission.status.SUBMITTED" : "submission.status.RECOMMENDED";
			case APPROVED, RETURNED, REJECTED ->
				decidedBy == null ? "submission.state." + state.name() : "submission.status." + state.name();
			default -> "submission.state." + state.name();
		};
	}

	/** {0} where it waits, {1} who recommended it, {2} who decided last. */
	public Object[] arguments() {
		return new Object[] { waitingAt, recommendedBy, decidedBy };
	}
}
