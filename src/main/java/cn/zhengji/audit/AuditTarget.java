package cn.zhengji.audit;

import java.util.Arrays;
import java.util.Optional;

import cn.zhengji.infrastructure.Texts;

/**
 * What an audit event is about, by the {@code target_type} the modules record, with its
 * Chinese name ({@code audit.target.<constant>}) for the audit pages and export. The
 * modules keep writing their own codes; a code not listed here is shown as it is stored.
 */
public enum AuditTarget {

	ORGANISATION("organisation"), ACCOUNT("account"), CAMPAIGN("campaign"), CAMPAIGN_PHASE("campaign_phase"),
	CAMPAIGN_CATEGORY("campaign_category"), CAMPAIGN_DECLARATION("campaign_declaration"),
	EVENT_ALLOCATION("event_allocation"), STORED_FILE("stored-file"), ENTRY("entry"), OFFLINE_EVENT("offline_event"),
	UNIT_REACH("unit_reach"), ANNOUNCEMENT("announcement"), NOTICE_PREFERENCE("notice_preference"),
	REVIEW_ROUND("review_round"), REVIEW_POOL_MEMBER("review_pool_member"), REVIEW_CONFLICT("review_conflict"),
	REVIEW_ASSIGNMENT("review_assignment"), REVIEW_AWARD("review_award"),
	/** Issue 12 item 6: a batch of reminders to the experts of a round. */
	REVIEW_REMINDER("review_reminder"),
	/** Issue 12 item 4: the blind copy of a work's file made for the experts. */
	REVIEW_BLIND_COPY("review_blind_copy"),
	/**
	 * Issue 12 item 5: an expert's score sheet of a work, and its handed-in round (交卷).
	 */
	REVIEW_SHEET("review_sheet"), REVIEW_EXPERT_SUBMISSION("review_expert_submission"),
	/** Issue 12 item 1: an invited expert's work unit and expertise. */
	EXPERT_PROFILE("expert_profile"),
	/** Issue 13 item 3: the web copy of an awarded video or audio file (playback). */
	WEB_COPY("web_copy"),
	/** Issue 13 item 1: a published results list (公示) and an objection to it. */
	PUBLICITY("publicity"), PUBLICITY_OBJECTION("publicity_objection"),
	/**
	 * Issue 14 item 4: issued award certificates, and a campaign's certificate template.
	 */
	CERTIFICATE("certificate"), CERTIFICATE_TEMPLATE("certificate_template"),
	/** The exported lists ({@link ExportedList}). */
	ENTRY_LIST("entry-list"), QUOTA_LIST("quota-list"), OFFLINE_EVENT_LIST("offline-event-list"),
	ACTIVITY_PROGRESS_LIST("activity-progress-list"), ACCOUNT_LIST("account-list"),
	AUDIT_EVENT_LIST("audit-event-list"), ORGANISATION_LIST("organisation-list"),
	/** Issue 12 item 8. */
	REVIEW_SHEET_LIST("review-sheet-list"), REVIEW_RANKING_LIST("review-ranking-list"),
	/** Issue 14 item 5: the tables of a year-end summary (workbook, PDF). */
	SUMMARY_TABLE_LIST("summary-table-list"),
	/** Codes of events recorded before entries and nomination forms had their own. */
	SUBMISSION("submission"), NOMINATION("nomination"),
	/** Issue 13 item 4: the vote settings of a category; votes voided by an admin. */
	VOTE_SETTING("vote_setting"), VOTE("vote"), VOTE_ANOMALY_LIST("vote-anomaly-list"),
	/** Issue 14 item 3: the import of a province's package into the national campaign. */
	HANDOFF_IMPORT("handoff_import");

	private final String code;

	AuditTarget(String code) {
		this.code = code;
	}

	/** The {@code target_type} as stored. */
	public String code() {
		return code;
	}

	public static Optional<AuditTarget> ofCode(String code) {
		return Arrays.stream(values()).filter(target -> target.code.equals(code)).findFirst();
	}

	/**
	 * The Chinese name of a stored target type; an unknown code as it is, none as null.
	 */
	public static String label(Texts texts, String code) {
		if (code == null) {
			return null;
		}
		return ofCode(code).map(target -> texts.text("audit.target." + target.name())).orElse(code);
	}

}
