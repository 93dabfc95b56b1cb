package cn.zhengji.submission;

/**
 * Someone else changed the entry since the form was loaded (optimistic locking on
 * {@code entry.version}): the second change is refused instead of silently overwriting
 * the first.
 */
public class EntryConflict extends RuntimeException {

	public EntryConflict(long entryId) {
		super("entry " + entryId + " was changed concurrently");
	}

}
