package cn.zhengji.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notices (站内消息) of the signed-in user: reading, counting the unread ones for the
 * navigation badge, marking read. Every query is limited to the reader's own account;
 * someone else's notice is not found (404).
 */
@Service
@Transactional(readOnly = true)
public class Notices {

	public static final int PAGE_SIZE = 20;

	private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getLong("id"),
			NoticeKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"), rs.getString("link"),
			rs.getObject("created_at", OffsetDateTime.class).toInstant(),
			rs.getObject("read_at", OffsetDateTime.class) == null ? null
					: rs.getObject("read_at", OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notices(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * One page of a list of the reader's notices, unread first, newest first within each.
	 */
	public record NoticePage(List<Notice> notices, int page, boolean hasNext, long unread) {

		public boolean hasPrevious() {
			return page > 0;
		}
	}

	public NoticePage page(SignedInUser reader, int page) {
		int number = Math.max(0, page);
		List<Notice> rows = jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at from notice
				where account_id = ?
				order by read_at is not null, created_at desc, id desc
				limit ? offset ?
				""").params(reader.accountId(), PAGE_SIZE + 1, (long) number * PAGE_SIZE).query(NOTICE).list();
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new NoticePage(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext,
				unreadCount(reader.accountId()));
	}

	/** One indexed count (notice_unread_ix). */
	public long unreadCount(long accountId) {
		return jdbc.sql("select count(*) from notice where account_id = ? and read_at is null")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * The badge of the navigation: the unread count of whoever is signed in, 0 for a
	 * visitor.
	 */
	public long unreadCountOfCurrentUser() {
		return SignedInUser.current().map(user -> unreadCount(user.accountId())).orElse(0L);
	}

	/**
	 * Marks one of the reader's notices read (again: no change) and answers where it
	 * points.
	 * @throws NotFoundException if it is not the reader's
	 */
	@Transactional
	public Notice markRead(SignedInUser reader, long noticeId) {
		jdbc.sql("update notice set read_at = ? where id = ? and account_id = ? and read_at is null")
			.params(now(), noticeId, reader.accountId())
			.update();
		return jdbc
			.sql("select id, kind, title, body, link, created_at, read_at from notice where id = ? and account_id = ?")
			.params(noticeId, reader.accountId())
			.query(NOTICE)
			.optional()
			.orElseThrow(() -> new NotFoundException("notice " + noticeId));
	}

	/**
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(SignedInUser reader) {
		return jdbc.sql("update notice set read_at = ? where account_id = ? and read_at is null")
			.params(now(), reader.accountId())
			.update();
	}

	/**
	 * Stores notices in the caller's transaction and asks for their text messages once it
	 * commits ({@link TextMessages}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void store(List<NewNotice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		OffsetDateTime at = now();
		for (NewNotice notice : notices) {
			jdbc.sql("""
					insert into notice (account_id, kind, title, body, link, entry_id, created_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(notice.accountId(), notice.kind().name(), notice.title(), notice.body(), notice.link(),
						notice.entryId(), at)
				.update();
		}
		events.publishEvent(new TextMessagesDue(List.copyOf(notices)));
	}

	private OffsetDateTime now() {
		return Instant.now(clock).atOffset(ZoneOffset.UTC);
	}

}
