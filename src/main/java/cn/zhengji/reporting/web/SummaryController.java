package cn.zhengji.reporting.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.reporting.Summaries;
import cn.zhengji.reporting.Summary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PUB-4 The year-end summary (年度总结) of a campaign: the page (tables and ECharts charts
 * read from {@code data-chart} attributes, no inline script), the workbook (one sheet per
 * table, through {@link ExcelExports}) and the printable PDF. All three are scoped to a
 * unit of the campaign's tree the actor administers (the host by default).
 */
@Controller
class SummaryController {

	private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Summaries summaries;

	private final Campaigns campaigns;

	private final Texts texts;

	private final JsonMapper json;

	private final Clock clock;

	private final ExcelExports exports;

	private final AuditLog auditLog;

	private final SummaryPdf pdf;

	private final TransactionTemplate audited;

	SummaryController(Summaries summaries, Campaigns campaigns, Texts texts, JsonMapper json, Clock clock,
			ExcelExports exports, AuditLog auditLog, SummaryPdf pdf, PlatformTransactionManager transactions) {
		this.audited = new TransactionTemplate(transactions);
		this.summaries = summaries;
		this.campaigns = campaigns;
		this.texts = texts;
		this.json = json;
		this.clock = clock;
		this.exports = exports;
		this.auditLog = auditLog;
		this.pdf = pdf;
	}

	@GetMapping("/admin/campaigns/{code}/summary")
	String page(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(required = false) Long unit, Model model) {
		Campaign campaign = campaigns.getByCode(code);
		Organisation root = summaries.unit(actor, campaign, unit);
		Summary summary = summaries.of(actor, campaign, root);
		SummaryTables tables = new SummaryTables(texts);
		model.addAttribute("summary", summary);
		model.addAttribute("campaign", campaign);
		model.addAttribute("unit", root);
		model.addAttribute("tables", tables.of(summary));
		model.addAttribute("asOf", asOf(campaign));
		Map<String, Object> charts = tables.charts(summary);
		charts.replaceAll((name, spec) -> json.writeValueAsString(spec));
		model.addAttribute("charts", charts);
		return "reporting/summary";
	}

	@GetMapping("/admin/campaigns/{code}/summary.xlsx")
	void workbook(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(required = false) Long unit, HttpServletResponse response) throws IOException {
		Campaign campaign = campaigns.getByCode(code);
		Organisation root = summaries.unit(actor, campaign, unit);
		Summary summary = summaries.of(actor, campaign, root);
		List<SummaryTables.Table> tables = new SummaryTables(texts).of(summary);
		List<SpreadsheetDownload.Sheet> sheets = tables.stream()
			.map(table -> new SpreadsheetDownload.Sheet(table.title(), table.headers(), rows -> {
				for (List<Object> row : table.rows()) {
					rows.row(row.toArray());
				}
			}))
			.toList();
		exports.downloadWorkbook(response, new ExcelExports.Export(ExportedList.SUMMARY_TABLES, title(campaign, root),
				null, List.of(), root.path(), filter(campaign, root, "xlsx")), campaign.timeZone(), sheets);
	}

	@GetMapping("/admin/campaigns/{code}/summary.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser actor, @PathVariable String code,
			@RequestParam(required = false) Long unit) {
		Campaign campaign = campaigns.getByCode(code);
		Organisation root = summaries.unit(actor, campaign, unit);
		Summary summary = summaries.of(actor, campaign, root);
		List<SummaryTables.Table> tables = new SummaryTables(texts).of(summary);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("summary", summary);
		model.put("campaign", campaign);
		model.put("unit", root);
		model.put("tables", tables);
		model.put("asOf", asOf(campaign));
		byte[] bytes = pdf.render(model);
		long rows = tables.stream().mapToLong(table -> table.rows().size()).sum();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("filter", filter(campaign, root, "pdf"));
		after.put("rows", rows);
		after.put("completed", true);
		String title = title(campaign, root);
		audited.executeWithoutResult(
				status -> auditLog.recordChange(AuditAction.EXPORTED, ExportedList.SUMMARY_TABLES.targetType(), null,
						root.path(), texts.text("audit.export.summary", title, rows), null, after));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(title + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

	private String title(Campaign campaign, Organisation unit) {
		return texts.text("summary.file", unit.displayName(), campaign.year());
	}

	private static Map<String, Object> filter(Campaign campaign, Organisation unit, String format) {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("campaign", campaign.code());
		filter.put("unit", unit.id());
		filter.put("format", format);
		return filter;
	}

	private String asOf(Campaign campaign) {
		return AS_OF.format(clock.instant().atZone(campaign.timeZone()));
	}

}
