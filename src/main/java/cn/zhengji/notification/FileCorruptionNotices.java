package cn.zhengji.notification;

import cn.zhengji.account.Accounts;
import cn.zhengji.files.StoredFileCorrupted;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 9: every enabled security administrator (安全管理员) is told, in the
 * transaction that flags the file, that a stored file no longer matches its SHA-256; by
 * text message too if it opted in.
 */
@Component
class FileCorruptionNotices {

	private final Notices notices;

	private final Accounts accounts;

	private final Texts texts;

	FileCorruptionNotices(Notices notices, Accounts accounts, Texts texts) {
		this.notices = notices;
		this.accounts = accounts;
		this.texts = texts;
	}

	@EventListener
	void on(StoredFileCorrupted event) {
		String title = texts.text("notice.fileCorrupted.title", EntryNotices.quoted(event.fileName()));
		String body = texts.text("notice.fileCorrupted.body", event.fileName(), event.fileId());
		notices.store(accounts.enabledIdsWithRole(Role.SECURITY_ADMIN)
			.stream()
			.map(admin -> new NewNotice(admin, NoticeKind.FILE_CORRUPTED, title, body, null, null,
					texts.text("notice.sms", title)))
			.toList());
	}

}
