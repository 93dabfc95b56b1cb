package cn.zhengji.media;

import java.util.List;

import cn.zhengji.campaign.CategoryRules.FileKind;

/**
 * The result of checking one file against one attachment slot. Serialisable as JSON
 * (stored with the attachment).
 *
 * @param detectedKind the format found in the content, null if none of the known formats
 * @param contentType the media type to serve the file with, from its content
 */
public record Inspection(FileKind detectedKind, String contentType, MediaFacts facts, List<Finding> findings) {

	public Inspection {
		findings = List.copyOf(findings);
	}

	public boolean blocksSubmission() {
		return findings.stream().anyMatch(finding -> finding.verdict() == Verdict.FAILED);
	}
}
