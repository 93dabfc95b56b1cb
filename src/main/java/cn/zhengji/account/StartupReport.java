package cn.zhengji.account;

import cn.zhengji.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One block on the console once the platform is up: where to open it and how to sign in. The
 * one-time password of the first admin appears here only in the start that generated it.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private static final String RULE = "=".repeat(64);

	private final PlatformAdminBootstrap admin;

	private final DemoAccounts demo;

	private final Organisations organisations;

	private final String baseUrl;

	StartupReport(PlatformAdminBootstrap admin, DemoAccounts demo, Organisations organisations,
			@Value("${zhengji.base-url:http://localhost:8080}") String baseUrl) {
		this.admin = admin;
		this.demo = demo;
		this.organisations = organisations;
		this.baseUrl = baseUrl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		log.info("\n{}", text());
	}

	String text() {
		StringBuilder out = new StringBuilder();
		out.append(RULE).append('\n');
		out.append("征集平台已启动：").append(baseUrl).append('\n');
		out.append("登录页面：").append(baseUrl).append("/sign-in").append('\n');
		out.append("平台管理员账号：").append(PlatformAdminBootstrap.USERNAME).append('\n');
		switch (admin.outcome()) {
			case GENERATED_PASSWORD -> {
				out.append("一次性密码：").append(admin.generatedPassword().orElseThrow()).append('\n');
				out.append("  （首次登录后须修改密码；未登录前每次启动都会重新生成）").append('\n');
			}
			case CONFIGURED_PASSWORD -> out.append("初始密码：使用 zhengji.bootstrap.admin-password 配置的密码（首次登录后须修改）")
				.append('\n');
			case PASSWORD_SET -> out.append("密码：已设置，请使用您的密码").append('\n');
			default -> throw new IllegalStateException("Unknown outcome " + admin.outcome());
		}
		if (demo.enabled()) {
			out.append("演示账号（演示数据，密码均为 ").append(demo.password()).append("）：").append('\n');
			for (DemoAccounts.DemoLogin login : DemoAccounts.LOGINS) {
				String organisation = organisations.findByCode(login.organisationCode())
					.map(o -> o.name())
					.orElse(login.organisationCode());
				out.append(String.format("  %-16s %s · %s%n", login.login(), login.description(), organisation));
			}
		}
		out.append(RULE);
		return out.toString();
	}
}
