package cn.zhengji.submission;

import java.util.List;

import cn.zhengji.media.Finding;

/**
 * What became of a file offered to a slot.
 *
 * @param attached false when its format is not one the slot accepts: nothing was stored
 * with the entry (only an audit event records the attempt)
 * @param message the Chinese explanation to show
 * @param findings the checks of the file, attached or not
 */
public record AttachOutcome(boolean attached, String message, List<Finding> findings) {
}
