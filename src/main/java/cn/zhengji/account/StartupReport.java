package cn.zhengji.account;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.web.PlatformAddress;
import cn.zhengji.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One block on the console once the platform is up: where to open it and how to sign in.
 * The one-time password of the first admin appears here only in the start that generated
 * it.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private static final String RULE = "=".repeat(64);

	private final PlatformAdminBootstrap admin;

	private final DemoAccounts demo;

	private final Organisations organisations;

	private final PlatformAddress address;

	private final Texts texts;

	StartupReport(PlatformAdminBootstrap admin, DemoAccounts demo, Organisations organisations, PlatformAddress address,
			Texts texts) {
		this.texts = texts;
		this.admin = admin;
		this.demo = demo;
		this.organisations = organisations;
		this.address = address;
	}

	@EventListener(ApplicationReadyEvent.class)
	void print() {
		if (address.warns()) {
			log.warn("\n{}", text());
		}
		else {
			log.info("\n{}", text());
		}
	}

	String text() {
		StringBuilder out = new StringBuilder();
		String baseUrl = address.atStart();
		out.append(RULE).append('\n');
		out.append(texts.text("account.startup.started", baseUrl)).append('\n');
		out.append(texts.text("account.startup.signIn", baseUrl)).append('\n');
		if (address.warns()) {
			out.append(texts.text("account.startup.noBaseUrl")).append('\n');
		}
		out.append(texts.text("account.startup.admin", PlatformAdminBootstrap.USERNAME)).append('\n');
		switch (admin.outcome()) {
			case GENERATED_PASSWORD -> {
				out.append(texts.text("account.startup.oneTimePassword", admin.generatedPassword().orElseThrow()))
					.append('\n');
				out.append(texts.text("account.startup.oneTimePassword.note")).append('\n');
			}
			case CONFIGURED_PASSWORD -> out.append(texts.text("account.startup.configuredPassword")).append('\n');
			case PASSWORD_SET -> out.append(texts.text("account.startup.passwordSet")).append('\n');
			default -> throw new IllegalStateException("Unknown outcome " + admin.outcome());
		}
		if (demo.enabled()) {
			out.append(texts.text("account.startup.demo", demo.password())).append('\n');
			for (DemoAccounts.DemoLogin login : DemoAccounts.LOGINS) {
				String organisation = organisations.findByCode(login.organisationCode())
					.map(o -> o.name())
					.orElse(login.organisationCode());
				out.append(String.format("  %-16s %s · %s%n", login.login(), demo.description(login), organisation));
			}
		}
		out.append(RULE);
		return out.toString();
	}

}
