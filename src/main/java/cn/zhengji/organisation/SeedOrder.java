package cn.zhengji.organisation;

/**
 * The order in which modules load their seed data at start: organisations first, since campaigns
 * and accounts refer to them.
 */
public final class SeedOrder {

	public static final int ORGANISATIONS = 100;

	public static final int CAMPAIGNS = 200;

	public static final int ACCOUNTS = 300;

	/** Printing the address and sign-in details comes last. */
	public static final int STARTUP_REPORT = 1000;

	private SeedOrder() {
	}
}
