package cn.zhengji.similarity;

import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 15 item 1: what the campaign's admins see of the fingerprinting of its works
 * (相似作品检测): sources by state, the entries with a match, and the failures with their
 * detail.
 */
@Component
public class SimilarityProgress {

	private final CampaignAdministration administration;

	private final FingerprintRecords records;

	private final Entries entries;

	SimilarityProgress(CampaignAdministration administration, FingerprintRecords records, Entries entries) {
		this.administration = administration;
		this.records = records;
		this.entries = entries;
	}

	/** A failed source: the work's title, its file's type, attempts and the detail. */
	public record Failure(long entryId, String title, String contentType, int attempts, String detail) {
	}

	/**
	 * The page.
	 *
	 * @param counts sources by state (QUEUED, RUNNING, DONE, FAILED, in this order)
	 */
	public record Page(Campaign campaign, Map<String, Integer> counts, int entriesWithMatches, List<Failure> failures) {
	}

	@Transactional(readOnly = true)
	public Page page(SignedInUser actor, String code) {
		Campaign campaign = administration.campaignFor(actor, code);
		List<Map<String, Object>> failed = records.failures(campaign.id(), 100);
		Map<Long, String> titles = entries
			.titlesOf(failed.stream().map((row) -> ((Number) row.get("entry_id")).longValue()).toList());
		List<Failure> failures = failed.stream().map((row) -> {
			long entryId = ((Number) row.get("entry_id")).longValue();
			return new Failure(entryId, titles.getOrDefault(entryId, ""), (String) row.get("content_type"),
					((Number) row.get("attempts")).intValue(), (String) row.get("error_detail"));
		}).toList();
		return new Page(campaign, records.progress(campaign.id()), records.entriesWithMatches(campaign.id()), failures);
	}

}
