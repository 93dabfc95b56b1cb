package cn.zhengji.review;

import java.util.Map;

/**
 * Issue 12 item 6: the public vote of a round's works (网络投票), which the voting module (a
 * later issue) implements. Without an implementation a round has no vote column, even
 * when its campaign combines votes.
 */
public interface VoteCounts {

	/** Votes per entry id of the round; a work without votes may be missing. */
	Map<Long, Long> votes(long roundId);

}
