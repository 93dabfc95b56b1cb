package cn.zhengji.notification;

/** What an admin typed for an announcement; checked by {@link Announcements}. */
public record AnnouncementDraft(String title, String body, Long campaignId) {
}
