package cn.zhengji.activity.web;

import java.util.EnumMap;
import java.util.Map;

import cn.zhengji.campaign.TargetMetric;

/** The reach figures a union enters for itself, as typed. */
public class ReachForm {

	private String campaign;

	private String organisationsMobilised;

	private String promoters;

	private String workersReached;

	private String workersCovered;

	/** The form field of a metric, for the message of a refused figure. */
	static String fieldOf(String metric) {
		return switch (TargetMetric.valueOf(metric)) {
			case ORGANISATIONS_MOBILISED -> "organisationsMobilised";
			case PROMOTERS -> "promoters";
			case WORKERS_REACHED -> "workersReached";
			case WORKERS_COVERED -> "workersCovered";
			case ENTERPRISES_OR_EVENTS -> null;
		};
	}

	static ReachForm of(String campaign, Map<TargetMetric, Long> figures) {
		ReachForm form = new ReachForm();
		form.campaign = campaign;
		form.organisationsMobilised = String.valueOf(figures.get(TargetMetric.ORGANISATIONS_MOBILISED));
		form.promoters = String.valueOf(figures.get(TargetMetric.PROMOTERS));
		form.workersReached = String.valueOf(figures.get(TargetMetric.WORKERS_REACHED));
		form.workersCovered = String.valueOf(figures.get(TargetMetric.WORKERS_COVERED));
		return form;
	}

	Map<TargetMetric, String> toInput() {
		Map<TargetMetric, String> input = new EnumMap<>(TargetMetric.class);
		input.put(TargetMetric.ORGANISATIONS_MOBILISED, organisationsMobilised);
		input.put(TargetMetric.PROMOTERS, promoters);
		input.put(TargetMetric.WORKERS_REACHED, workersReached);
		input.put(TargetMetric.WORKERS_COVERED, workersCovered);
		return input;
	}

	public String getCampaign() {
		return campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign;
	}

	public String getOrganisationsMobilised() {
		return organisationsMobilised;
	}

	public void setOrganisationsMobilised(String organisationsMobilised) {
		this.organisationsMobilised = organisationsMobilised;
	}

	public String getPromoters() {
		return promoters;
	}

	public void setPromoters(String promoters) {
		this.promoters = promoters;
	}

	public String getWorkersReached() {
		return workersReached;
	}

	public void setWorkersReached(String workersReached) {
		this.workersReached = workersReached;
	}

	public String getWorkersCovered() {
		return workersCovered;
	}

	public void setWorkersCovered(String workersCovered) {
		this.workersCovered = workersCovered;
	}

}
