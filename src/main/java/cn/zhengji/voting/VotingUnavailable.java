package cn.zhengji.voting;

/**
 * A vote that could not be taken: the node's vote queue is full, or the batch it was
 * written in failed (nothing of it was committed). The caller answers 503 and the voter
 * may try again; never an acknowledged vote that is not stored.
 */
public class VotingUnavailable extends RuntimeException {

	/** Why. */
	public enum Reason {

		/** The queue of this node is full. */
		BUSY,
		/** The batch could not be committed (or its commit was not confirmed in time). */
		FAILED

	}

	private final Reason reason;

	VotingUnavailable(Reason reason, Throwable cause) {
		super("Vote not taken: " + reason, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
