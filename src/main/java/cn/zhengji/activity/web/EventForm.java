package cn.zhengji.activity.web;

import cn.zhengji.activity.EventInput;

/**
 * The form of an offline event: text as typed; checked by
 * {@link cn.zhengji.activity.EventDetails}.
 */
public class EventForm {

	private String campaign;

	private String heldOn;

	private String place;

	private String enterprise;

	private String participants;

	private String description;

	private int version;

	static EventForm of(String campaign, EventInput input, int version) {
		EventForm form = new EventForm();
		form.campaign = campaign;
		form.heldOn = input.heldOn();
		form.place = input.place();
		form.enterprise = input.enterprise();
		form.participants = input.participants();
		form.description = input.description();
		form.version = version;
		return form;
	}

	EventInput toInput() {
		return new EventInput(heldOn, place, enterprise, participants, description);
	}

	public String getCampaign() {
		return campaign;
	}

	public void setCampaign(String campaign) {
		this.campaign = campaign;
	}

	public String getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(String heldOn) {
		this.heldOn = heldOn;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getEnterprise() {
		return enterprise;
	}

	public void setEnterprise(String enterprise) {
		this.enterprise = enterprise;
	}

	public String getParticipants() {
		return participants;
	}

	public void setParticipants(String participants) {
		this.participants = participants;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
