package cn.zhengji.notification.web;

/** Page numbers from the query string: a hand-edited one must not fail the page. */
final class Pages {

	private Pages() {
	}

	static int parse(String page) {
		try {
			return Math.max(0, Integer.parseInt(page));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
