package cn.zhengji.campaign;

import java.time.OffsetDateTime;
import java.util.List;

/** One applied version of a campaign definition file. */
public record DefinitionVersion(long id, String source, int version, String contentHash, DefinitionOutcome outcome,
		List<DefinitionConflict> conflicts, OffsetDateTime appliedAt) {
}
