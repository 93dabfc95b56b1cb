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
		// issue 11 item 5: which of the three separated administrators is which
		out.append(texts.text("account.startup.separated")).append('\n');
		boolean generated = false;
		for (PlatformAdminBootstrap.SeparatedAdmin separated : admin.separatedAdmins()) {
			out.append(
					texts.text("account.startup.separatedAdmin", texts.text("account.role." + separated.role().name()),
							separated.username(), texts.text("account.startup.duty." + separated.role().name())))
				.append('\n');
			switch (separated.outcome()) {
				case GENERATED_PASSWORD -> {
					generated = true;
					out.append("    ")
						.append(texts.text("account.startup.oneTimePassword", separated.generatedPassword()))
						.append('\n');
				}
				case CONFIGURED_PASSWORD ->
					out.append("    ").append(texts.text("account.startup.configuredPassword")).append('\n');
				case PASSWORD_SET -> out.append("    ").append(texts.text("account.startup.passwordSet")).append('\n');
				default -> throw new IllegalStateException("Unknown outcome " + separated.outcome());
			}
		}
		if (generated) {
			out.append(texts.text("account.startup.oneTimePassword.note")).append('\n');
		}
		out.append(texts.text("account.startup.secondFactor")).append('\n');
		if (demo.enabled()) {
			out.append(texts.text("account.startup.demo", demo.password())).append('\n');
			// issue 11 item 4: how the demo admins and expert pass the second factor
			out.append(texts.text("account.startup.demoTotp", demo.totpSecret())).append('\n');
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
