package cn.zhengji.activity;

import java.util.List;

/** One page of an event list and how many events match in all. */
public record EventPage(List<EventSummary> events, long total, int page, int pageSize) {

	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}
}
