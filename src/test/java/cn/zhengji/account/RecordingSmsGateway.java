package cn.zhengji.account;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RecordingSmsGateway implements SmsGateway {

	public record Sent(String mobile, String text) {
	}

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	@Override
	public void send(String mobile, String text) {
		if (failing.contains(mobile)) {
			throw new IllegalStateException("SMS provider unavailable");
		}
		sent.add(new Sent(mobile, text));
	}

	/**
	 * From now on, messages to this number fail as an unavailable provider would; nothing
	 * is recorded.
	 */
	public void failFor(String mobile) {
		failing.add(mobile);
	}

	public List<Sent> sentTo(String mobile) {
		return sent.stream().filter(s -> s.mobile().equals(mobile)).toList();
	}

	/** The code in the last message to the number. */
	public String lastCodeTo(String mobile) {
		List<Sent> messages = sentTo(mobile);
		if (messages.isEmpty()) {
			throw new AssertionError("No SMS was sent to " + mobile);
		}
		Matcher matcher = CODE.matcher(messages.getLast().text());
		if (!matcher.find()) {
			throw new AssertionError("No code in " + messages.getLast().text());
		}
		return matcher.group(1);
	}

}
