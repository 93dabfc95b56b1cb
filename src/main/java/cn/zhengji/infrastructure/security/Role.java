package cn.zhengji.infrastructure.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * R-ORG-2 The roles people have on the platform; the public visitor is the absence of a
 * sign-in.
 */
public enum Role {

	/**
	 * The system administrator (系统管理员, 三员分立, issue 11 item 5), the province's network
	 * work department (网络工作部): runs campaigns, organisations, announcements and the
	 * worklists over every organisation; manages no accounts and reads no audit log.
	 */
	PLATFORM_ADMIN,

	/** An admin of one union organisation, acting on its subtree only. */
	ORG_ADMIN,

	/** A worker, union cadre or social union worker who submits works. */
	PARTICIPANT,

	/** A review expert (评审专家). */
	EXPERT,

	/**
	 * The security administrator (安全管理员, 三员分立): accounts and roles over the whole tree
	 * (create, reset, disable) and the platform's security reports; no business data, no
	 * audit log.
	 */
	SECURITY_ADMIN,

	/**
	 * The audit administrator (审计管理员, 三员分立): reads the whole audit log and nothing else.
	 */
	AUDIT_ADMIN;

	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/** The business admins: campaigns, organisations, works. */
	public boolean isAdmin() {
		return this == PLATFORM_ADMIN || this == ORG_ADMIN;
	}

	/**
	 * Everyone but participants passes a TOTP second factor at every sign-in (issue 11
	 * item 4).
	 */
	public boolean requiresSecondFactor() {
		return this != PARTICIPANT;
	}

	/** Who creates, resets and disables accounts: within a subtree, or all of them. */
	public boolean managesAccounts() {
		return this == ORG_ADMIN || this == SECURITY_ADMIN;
	}

	/** Who reads the audit log: of a subtree, or all of it. */
	public boolean readsAuditLog() {
		return this == ORG_ADMIN || this == AUDIT_ADMIN;
	}

	/** The three separated platform-wide roles of 三员分立. */
	public boolean isPlatformWide() {
		return this == PLATFORM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
	}

}
