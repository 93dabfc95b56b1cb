package cn.zhengji.organisation;

/**
 * The order in which modules load their seed data at start: organisations first, since
 * campaigns and accounts refer to them.
 */
public final class SeedOrder {

	public static final int ORGANISATIONS = 100;

	public static final int CAMPAIGNS = 200;

	public static final int ACCOUNTS = 300;

	private SeedOrder() {
	}

}
