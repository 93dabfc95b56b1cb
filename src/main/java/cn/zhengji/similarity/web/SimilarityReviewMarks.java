package cn.zhengji.similarity.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.review.ReviewWorkMarks;
import cn.zhengji.similarity.SimilarWorks;
import org.springframework.stereotype.Component;

/**
 * Issue 15 item 2: on the review admin's results page, "⚑ 与 2 件作品高度相似" next to a work
 * that has matches, leading to the flags on its entry page (one query for the page). The
 * results page is the campaign's admins' only, who read every entry of it.
 */
@Component
class SimilarityReviewMarks implements ReviewWorkMarks {

	private final SimilarWorks similarWorks;

	private final Texts texts;

	SimilarityReviewMarks(SimilarWorks similarWorks, Texts texts) {
		this.similarWorks = similarWorks;
		this.texts = texts;
	}

	@Override
	public Map<Long, Mark> marks(Collection<Long> entryIds) {
		Map<Long, Mark> marks = new HashMap<>();
		similarWorks.matchCounts(entryIds)
			.forEach((id, count) -> marks.put(id,
					new Mark(texts.plain("similarity.review.mark", count), "/admin/works/" + id + "#similarity")));
		return marks;
	}

}
