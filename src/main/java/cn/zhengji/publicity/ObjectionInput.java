package cn.zhengji.publicity;

import java.nio.file.Path;
import java.util.List;

/**
 * An objection as a member of the public files it: about one work of the list, with the
 * objector's name, the mobile and the one-time code sent to it, the reason and up to
 * three evidence files (already saved to temporary files by the web layer).
 */
public record ObjectionInput(long entryId, String name, String mobile, String code, String reason,
		List<Evidence> evidence) {

	/** An uploaded evidence file: its temporary content and the name it came with. */
	public record Evidence(Path content, String fileName) {
	}

	public ObjectionInput {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

}
