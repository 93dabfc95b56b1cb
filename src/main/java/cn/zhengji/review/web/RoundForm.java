package cn.zhengji.review.web;

import java.time.LocalDate;

import cn.zhengji.campaign.ReviewDefinitions.RoundInput;
import cn.zhengji.campaign.ReviewRound;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A review round as the admin edits or adds it; {@code version} is the category's rounds
 * version the form showed, {@code code} only for a new round.
 */
public class RoundForm {

	private String code;

	private String name;

	private ReviewRound.EntryRule entryRule;

	private Integer entryNumber;

	private Integer expertsPerWork;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startsOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endsOn;

	private int version;

	static RoundForm of(ReviewRound round, int version) {
		RoundForm form = new RoundForm();
		form.code = round.code();
		form.name = round.name();
		form.entryRule = round.entryRule();
		form.entryNumber = round.entryNumber();
		form.expertsPerWork = round.expertsPerWork();
		form.startsOn = round.startsOn();
		form.endsOn = round.endsOn();
		form.version = version;
		return form;
	}

	RoundInput input() {
		return new RoundInput(name, entryRule, entryNumber, expertsPerWork, startsOn, endsOn);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ReviewRound.EntryRule getEntryRule() {
		return entryRule;
	}

	public void setEntryRule(ReviewRound.EntryRule entryRule) {
		this.entryRule = entryRule;
	}

	public Integer getEntryNumber() {
		return entryNumber;
	}

	public void setEntryNumber(Integer entryNumber) {
		this.entryNumber = entryNumber;
	}

	public Integer getExpertsPerWork() {
		return expertsPerWork;
	}

	public void setExpertsPerWork(Integer expertsPerWork) {
		this.expertsPerWork = expertsPerWork;
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
