package cn.zhengji.activity;

import java.util.List;
import java.util.stream.Stream;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change of an offline event or of reach figures that a rule refuses; nothing was
 * stored. Input with several problems is refused once, carrying all of them, so that a
 * form shows every message at once.
 */
public final class ActivityRejected extends ChangeRejected {

	private final List<ActivityRejected> others;

	ActivityRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
		this.others = List.of();
	}

	private ActivityRejected(ActivityRejected first, List<ActivityRejected> others) {
		super(first.field(), first.messageCode(), first.arguments());
		this.others = List.copyOf(others);
	}

	static ActivityRejected all(List<ActivityRejected> problems) {
		return new ActivityRejected(problems.getFirst(), problems.subList(1, problems.size()));
	}

	/** This problem and every other one found in the same input. */
	public List<ActivityRejected> problems() {
		return Stream.concat(Stream.of(this), others.stream()).toList();
	}

}
