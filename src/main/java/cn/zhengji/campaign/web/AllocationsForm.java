package cn.zhengji.campaign.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.Allocation;

/**
 * The offline-event numbers of every unit of a campaign. Units are named by code; the
 * service accepts only the codes the campaign already allocates to. {@code version} is
 * the campaign version.
 */
class AllocationsForm {

	private List<Row> rows = new ArrayList<>();

	private int version;

	static AllocationsForm of(List<Allocation> allocations, int campaignVersion) {
		AllocationsForm form = new AllocationsForm();
		for (Allocation allocation : allocations) {
			Row row = new Row();
			row.setUnitCode(allocation.organisationCode());
			row.setEvents(allocation.events());
			form.rows.add(row);
		}
		form.version = campaignVersion;
		return form;
	}

	Map<String, Integer> toEventsByUnit() {
		Map<String, Integer> events = new LinkedHashMap<>();
		rows.forEach(row -> events.put(row.getUnitCode(), row.getEvents()));
		return events;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public static class Row {

		private String unitCode;

		private Integer events;

		public String getUnitCode() {
			return unitCode;
		}

		public void setUnitCode(String unitCode) {
			this.unitCode = unitCode;
		}

		public Integer getEvents() {
			return events;
		}

		public void setEvents(Integer events) {
			this.events = events;
		}

	}

}
