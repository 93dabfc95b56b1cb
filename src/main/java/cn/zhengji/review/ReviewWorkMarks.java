package cn.zhengji.review;

import java.util.Collection;
import java.util.Map;

/**
 * Issue 15 item 2: a short mark that another module puts next to a work on the review
 * admin's results page without this module knowing it (the similarity flags: "⚑ 与 2
 * 件作品高度相似", linking to the entry page where the flags are).
 */
public interface ReviewWorkMarks {

	/**
	 * For each of the given works (entry ids) that has one, its mark; one query whatever
	 * the number of works.
	 */
	Map<Long, Mark> marks(Collection<Long> entryIds);

	/**
	 * @param text the mark, in Chinese
	 * @param href where it leads (the entry page's part about it)
	 */
	record Mark(String text, String href) {
	}

}
