package cn.zhengji.review;

/**
 * The blind copy of a file is not there to be served: still being made (PENDING) or it
 * could not be made (FAILED). The original is never served in its place.
 */
public class BlindFileNotReady extends RuntimeException {

	private final BlindFile.Status status;

	BlindFileNotReady(long attachmentId, BlindFile.Status status) {
		super("blind copy of attachment " + attachmentId + " is " + status);
		this.status = status;
	}

	public BlindFile.Status status() {
		return status;
	}

}
