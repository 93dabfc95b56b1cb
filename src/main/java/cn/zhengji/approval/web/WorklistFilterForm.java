package cn.zhengji.approval.web;

import java.time.LocalDate;

import cn.zhengji.approval.WorklistFilter;
import cn.zhengji.submission.EntryState;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filter of an admin's list or queue, as the query string carries it. A value that
 * does not parse is reported on the page and left out of the filter.
 */
public class WorklistFilterForm {

	private Long campaign;

	private Long category;

	private EntryState state;

	private Long unit;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private String q;

	private int page = 1;

	WorklistFilter toFilter() {
		return new WorklistFilter(campaign, category, state, unit, from, to, q, null);
	}

	public Long getCampaign() {
		return campaign;
	}

	public void setCampaign(Long campaign) {
		this.campaign = campaign;
	}

	public Long getCategory() {
		return category;
	}

	public void setCategory(Long category) {
		this.category = category;
	}

	public EntryState getState() {
		return state;
	}

	public void setState(EntryState state) {
		this.state = state;
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
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

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public int getPage() {
		return page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
