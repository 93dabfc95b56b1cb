package cn.zhengji.review;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 8: the experts' score sheets of a round to Excel, for the campaign's
 * admins (anyone else gets a 404 before a byte is written): every work × expert pair of
 * the round, or of one expert, with the points of each criterion of the category's
 * rubric, the total, the comment, whether the sheet is complete, and when it last changed
 * (campaign time zone). Works by number (the entry id) and title, experts by name;
 * nothing of the works' submitters. Written and audited through {@link ExcelExports}
 * (EXPORTED, {@link ExportedList#REVIEW_SHEETS}).
 */
@Service
@Transactional(readOnly = true)
public class ReviewSheetExports {

	private final ReviewRoundScope scope;

	private final ProgressRecords records;

	private final Campaigns campaigns;

	private final Entries entries;

	private final Accounts accounts;

	private final Texts texts;

	ReviewSheetExports(ReviewRoundScope scope, ProgressRecords records, Campaigns campaigns, Entries entries,
			Accounts accounts, Texts texts) {
		this.scope = scope;
		this.records = records;
		this.campaigns = campaigns;
		this.entries = entries;
		this.accounts = accounts;
		this.texts = texts;
	}

	/**
	 * An export ready to stream: what it is, the zone its times are shown in, and the
	 * body that writes its rows.
	 */
	public record SheetExport(ExcelExports.Export export, ZoneId zone, SpreadsheetDownload.Body body) {
	}

	/** Every pair of the round, by expert, then work. */
	public SheetExport round(SignedInUser actor, long roundId) {
		RoundContext round = scope.administered(actor, roundId);
		return export(round, null,
				texts.plain("review.export.roundTitle", round.category().name(), round.round().name()));
	}

	/**
	 * The pairs of one expert of the round, by work.
	 * @throws NotFoundException when the expert has no work in the round
	 */
	public SheetExport expert(SignedInUser actor, long roundId, long expertId) {
		RoundContext round = scope.administered(actor, roundId);
		if (records.assignedWorks(roundId, expertId).isEmpty()) {
			throw new NotFoundException("works of expert " + expertId + " in review round " + roundId);
		}
		String name = accounts.profile(expertId).map(AccountProfile::displayName).orElse(Long.toString(expertId));
		return export(round, expertId,
				texts.plain("review.export.expertTitle", round.category().name(), round.round().name(), name));
	}

	private SheetExport export(RoundContext round, Long expertId, String title) {
		long roundId = round.roundId();
		List<RubricCriterion> criteria = campaigns.rubric(round.category().id())
			.map(Rubric::criteria)
			.orElse(List.of());
		Map<Long, String> titles = entries.titlesOf(records.assignedWorks(roundId, null));
		Map<Long, String> experts = expertId != null ? Map.of()
				: accounts.profiles(records.assignedExperts(roundId))
					.stream()
					.collect(Collectors.toMap(AccountProfile::id, AccountProfile::displayName));
		List<String> headers = new ArrayList<>();
		headers.add(texts.text("review.export.column.entryId"));
		headers.add(texts.text("review.export.column.title"));
		if (expertId == null) {
			headers.add(texts.text("review.export.column.expert"));
		}
		criteria.forEach((criterion) -> headers
			.add(texts.plain("review.export.column.criterion", criterion.name(), criterion.maxPoints())));
		headers.add(texts.plain("review.export.column.total",
				criteria.stream().mapToInt(RubricCriterion::maxPoints).sum()));
		headers.add(texts.text("review.export.column.comment"));
		headers.add(texts.text("review.export.column.state"));
		headers.add(texts.text("review.export.column.updatedAt"));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("round", roundId);
		if (expertId != null) {
			details.put("expert", expertId);
		}
		ExcelExports.Export export = new ExcelExports.Export(ExportedList.REVIEW_SHEETS, title,
				texts.text("review.export.sheet"), headers, round.auditPath(), details);
		String complete = texts.text("review.export.state.complete");
		String partly = texts.text("review.export.state.partly");
		String notStarted = texts.text("review.export.state.notStarted");
		SpreadsheetDownload.Body body = (rows) -> records.sheets(roundId, expertId, (sheet) -> {
			List<Object> cells = new ArrayList<>();
			cells.add(sheet.entryId());
			cells.add(titles.get(sheet.entryId()));
			if (expertId == null) {
				cells.add(experts.getOrDefault(sheet.expertId(), Long.toString(sheet.expertId())));
			}
			BigDecimal total = null;
			int scored = 0;
			for (RubricCriterion criterion : criteria) {
				BigDecimal points = sheet.points().get(criterion.id());
				cells.add(points);
				if (points != null) {
					scored++;
					total = total == null ? points : total.add(points);
				}
			}
			cells.add(total);
			cells.add(sheet.comment());
			boolean done = !criteria.isEmpty() && scored == criteria.size();
			cells.add(done ? complete : (scored > 0 || sheet.comment() != null) ? partly : notStarted);
			cells.add(sheet.updatedAt());
			rows.row(cells.toArray());
		});
		return new SheetExport(export, round.campaign().timeZone(), body);
	}

}
