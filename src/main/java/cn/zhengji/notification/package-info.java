/**
 * In-app notices at every transition of an entry (to its submitter and the next
 * approver), text messages through the SmsGateway to those who opted in, campaign
 * announcements (通知公告) and reminders before deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = { "infrastructure",
		"organisation", "account", "campaign", "submission", "audit", "files" })
package cn.zhengji.notification;
