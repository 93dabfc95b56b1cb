package cn.zhengji.infrastructure.security;

/**
 * Step-up (issue 11 item 4): the action needs a second factor passed more recently than
 * the session's. The web layer answers by asking for a fresh code and coming back.
 */
public class SecondFactorRequired extends RuntimeException {

	public SecondFactorRequired() {
		super("A recent second factor is required");
	}

}
