/**
 * In-app notices at every transition of an entry (to its submitter and the next
 * approver), text messages through the SmsGateway to those who opted in, campaign
 * announcements (通知公告) and reminders before deadlines; the experts' reminders of a review
 * round (on {@code review.ExpertsReminded}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = { "infrastructure",
		"organisation", "account", "campaign", "submission", "audit", "files", "review" })
package cn.zhengji.notification;
