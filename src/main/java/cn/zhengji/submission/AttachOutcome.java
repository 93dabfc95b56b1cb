package cn.zhengji.submission;

import java.io.Serializable;
import java.util.List;

import cn.zhengji.media.Finding;
import cn.zhengji.media.Verdict;

/**
 * What became of a file offered to a slot.
 *
 * @param attached false when the file was not stored with the entry: its format is not
 * one the slot accepts, or it failed its checks while the one-file slot holds a file that
 * passed them (only an audit event records the attempt)
 * @param message the Chinese explanation to show
 * @param findings the checks of the file, attached or not
 * @param fileName the name of the offered file
 * @param keptFileName the file that stays in the one-file slot instead, or null
 */
public record AttachOutcome(boolean attached, String message, List<Finding> findings, String fileName,
		String keptFileName) implements Serializable {

	/** Attached, and no finding fails. */
	public boolean clean() {
		return attached && findings.stream().noneMatch(finding -> finding.verdict() == Verdict.FAILED);
	}

	/** The findings that failed: the reasons a file was refused or blocks submitting. */
	public List<Finding> failures() {
		return findings.stream().filter(finding -> finding.verdict() == Verdict.FAILED).toList();
	}

}
