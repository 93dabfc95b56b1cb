package cn.zhengji.activity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Target;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-ACT-1/2/3 Progress of offline events against the allocation table and of the reach
 * figures against the national targets, rolled up the tree ({@link RollUp}) and limited
 * to the viewer's subtree: a city sees its own row, the province its ten units, a county
 * (without an allocation) its own count.
 */
@Service
public class ActivityProgress {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final Texts texts;

	ActivityProgress(JdbcClient jdbc, Campaigns campaigns, Organisations organisations, Texts texts) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.texts = texts;
	}

	@Transactional(readOnly = true)
	public Progress of(SignedInUser actor, Campaign campaign) {
		if (!ActivityPolicy.reads(actor)) {
			throw new NotFoundException("progress for " + actor);
		}
		Subtree scope = Subtree.administeredBy(actor);
		List<Long> rolledUp = campaigns.rollUpIds(campaign);
		List<ProgressRow> rows = new ArrayList<>(jdbc.sql(RollUp.ALLOCATED_UNITS)
			.param("campaign", campaign.id())
			.param("campaigns", rolledUp)
			.param("scope", scope.pattern())
			.query((rs, n) -> new ProgressRow(rs.getLong("id"), rs.getString("short_name"), rs.getString("path"),
					rs.getInt("allocated"), rs.getLong("reported")))
			.list());
		EventCount events = count(rolledUp, scope);
		long total = events.events();
		if (rows.isEmpty() && !actor.isPlatformAdmin()) {
			// A union below the allocated level still sees how many events its subtree
			// has reported.
			Organisation own = organisations.findById(actor.organisationId()).orElseThrow();
			rows.add(new ProgressRow(own.id(), own.displayName(), own.path(), null, total));
		}
		Integer allocated = rows.stream().anyMatch(row -> row.allocated() != null)
				? rows.stream().filter(row -> row.allocated() != null).mapToInt(ProgressRow::allocated).sum() : null;
		return new Progress(campaign, rows, total, allocated, reach(campaign, rolledUp, scope, events));
	}

	/**
	 * R-X-2 What an export of the progress table is: its title, columns and the subtree
	 * it is drawn from.
	 */
	public ExcelExports.Export exportOf(SignedInUser actor, Campaign campaign) {
		List<String> headers = List.of(texts.plain("activity.export.progress.unit"),
				texts.plain("activity.export.progress.reported"), texts.plain("activity.export.progress.allocated"),
				texts.plain("activity.export.progress.percent"));
		return new ExcelExports.Export(ExportedList.ACTIVITY_PROGRESS,
				texts.plain("activity.export.progress.title", campaign.code()),
				texts.plain("activity.export.progress.sheet"), headers, OfflineEvents.exportScope(actor, campaign),
				Map.of("campaign", campaign.code()));
	}

	/**
	 * R-X-2 The progress table, its total and the reach figures, as rows of the sheet.
	 */
	public void export(SignedInUser actor, Campaign campaign, SpreadsheetDownload.Rows sheet) {
		Progress progress = of(actor, campaign);
		for (ProgressRow row : progress.rows()) {
			sheet.row(row.name(), row.reported(), row.allocated(), row.percent());
		}
		sheet.row(texts.plain("activity.progress.total"), progress.totalReported(), progress.totalAllocated(),
				progress.totalPercent());
		sheet.row();
		sheet.row(texts.plain("activity.export.progress.metric"), texts.plain("activity.export.progress.value"),
				texts.plain("activity.export.progress.target"), texts.plain("activity.export.progress.percent"));
		for (ReachFigure figure : progress.reach()) {
			sheet.row(texts.plain("activity.metric." + figure.metric().name()), figure.value(), figure.target(),
					figure.percent());
		}
	}

	private EventCount count(List<Long> rolledUp, Subtree subtree) {
		return jdbc.sql(RollUp.EVENTS_UNDER)
			.param("campaigns", rolledUp)
			.param("path", subtree.pattern())
			.query((rs, n) -> new EventCount(rs.getLong("events"), rs.getLong("participants")))
			.single();
	}

	private List<ReachFigure> reach(Campaign campaign, List<Long> rolledUp, Subtree scope, EventCount events) {
		Map<TargetMetric, Long> sums = new EnumMap<>(TargetMetric.class);
		jdbc.sql(RollUp.REACH_UNDER).param("campaigns", rolledUp).param("scope", scope.pattern()).query(rs -> {
			sums.put(TargetMetric.valueOf(rs.getString("metric")), rs.getLong("total"));
		});
		sums.put(TargetMetric.ENTERPRISES_OR_EVENTS, events.events());
		sums.merge(TargetMetric.WORKERS_REACHED, events.participants(), Long::sum);
		Map<TargetMetric, Long> targets = new EnumMap<>(TargetMetric.class);
		for (Target target : campaigns.targets(campaign)) {
			targets.put(target.metric(), target.target());
		}
		List<ReachFigure> figures = new ArrayList<>();
		for (TargetMetric metric : TargetMetric.values()) {
			figures.add(new ReachFigure(metric, sums.getOrDefault(metric, 0L), targets.get(metric),
					metric == TargetMetric.WORKERS_REACHED ? events.participants() : null));
		}
		return figures;
	}

	/** The events of a subtree and their participants. */
	private record EventCount(long events, long participants) {
	}

}
