package cn.zhengji.infrastructure.web;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Something exists but lies outside what the actor may see (another unit's entry, event,
 * organisation). It answers the same 404 as {@link NotFoundException}, so that the
 * response reveals nothing; unlike it, {@link ErrorResponses} publishes
 * {@link AccessRefused} for it, which the audit log records. Thrown through
 * {@link #visible}, where a module's scoping decides.
 */
public class NotVisibleException extends NotFoundException {

	private final String targetType;

	private final String targetId;

	public NotVisibleException(String targetType, Object targetId) {
		super(targetType + " " + targetId + " (not visible)");
		this.targetType = targetType;
		this.targetId = String.valueOf(targetId);
	}

	/**
	 * The object found, if the actor may see it: nothing found is a plain 404; something
	 * found that the actor may not see is a 404 that is audited.
	 * @param targetType the audit target type of the object, e.g. {@code "entry"}
	 */
	public static <T> T visible(Optional<T> found, Predicate<? super T> visible, String targetType, Object targetId) {
		T object = found.orElseThrow(() -> new NotFoundException(targetType + " " + targetId));
		if (!visible.test(object)) {
			throw new NotVisibleException(targetType, targetId);
		}
		return object;
	}

	public String targetType() {
		return targetType;
	}

	public String targetId() {
		return targetId;
	}

}
