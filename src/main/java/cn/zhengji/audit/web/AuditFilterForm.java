package cn.zhengji.audit.web;

import java.time.LocalDate;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditEvents.AuditFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The filter of the audit log page, bound from the query string. */
class AuditFilterForm {

	private AuditAction action;

	private String actor;

	private String targetType;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	AuditFilter toFilter() {
		return new AuditFilter(action, actor, targetType, from, to);
	}

	/** The list URL with this filter and the given page, for paging links. */
	String url(int page) {
		return url("/admin/audit", page);
	}

	/** The Excel download of everything this filter selects. */
	String exportUrl() {
		return url("/admin/audit/export.xlsx", 0);
	}

	private String url(String path, int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		if (action != null) {
			builder.queryParam("action", action.name());
		}
		if (actor != null) {
			builder.queryParam("actor", actor);
		}
		if (targetType != null) {
			builder.queryParam("targetType", targetType);
		}
		if (from != null) {
			builder.queryParam("from", from);
		}
		if (to != null) {
			builder.queryParam("to", to);
		}
		if (page > 0) {
			builder.queryParam("page", page);
		}
		return builder.encode().build().toUriString();
	}

	public AuditAction getAction() {
		return action;
	}

	public void setAction(AuditAction action) {
		this.action = action;
	}

	public String getActor() {
		return actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

	public String getTargetType() {
		return targetType;
	}

	public void setTargetType(String targetType) {
		this.targetType = targetType;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

}
