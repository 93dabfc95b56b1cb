package cn.zhengji.campaign.web;

import java.time.LocalDate;

import cn.zhengji.campaign.Phase;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The dates of one phase as the admin edits them; {@code version} is the phase version
 * the form showed.
 */
class PhaseDatesForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;

	private int version;

	static PhaseDatesForm of(Phase phase) {
		PhaseDatesForm form = new PhaseDatesForm();
		form.startsOn = phase.startsOn();
		form.endsOn = phase.endsOn();
		form.version = phase.version();
		return form;
	}

	public LocalDate getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public LocalDate getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
