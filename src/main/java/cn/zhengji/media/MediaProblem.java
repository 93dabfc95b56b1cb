package cn.zhengji.media;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * The content cannot be measured: cut short, damaged or hostile. Carries the message code
 * (in messages-media.properties) and its arguments, so the inspector can turn it into a
 * finding.
 */
final class MediaProblem extends Exception {

	private final String rule;

	private final String code;

	private final transient List<Object> arguments;

	MediaProblem(String rule, String code, Object... arguments) {
		super(code, null, false, false);
		this.rule = rule;
		this.code = code;
		this.arguments = List.of(arguments);
	}

	static MediaProblem truncated() {
		return new MediaProblem("integrity", "media.integrity.truncated");
	}

	static MediaProblem damaged() {
		return new MediaProblem("integrity", "media.integrity.damaged");
	}

	static MediaProblem indexTooLarge() {
		return new MediaProblem("integrity", "media.integrity.indexTooLarge", Mp4Probe.MAX_MOOV_BYTES / (1024 * 1024));
	}

	/**
	 * An argument that is itself a message (a reason), translated with the message it
	 * goes into.
	 */
	record MessageKey(String code) implements MessageSourceResolvable {

		@Override
		public String[] getCodes() {
			return new String[] { code };
		}
	}

	String rule() {
		return rule;
	}

	String code() {
		return code;
	}

	Object[] arguments() {
		return arguments.toArray();
	}

}
