package cn.zhengji.infrastructure.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * R-ORG-2 The roles people have on the platform; the public visitor is the absence of a
 * sign-in.
 */
public enum Role {

	/**
	 * The province's network work department (网络工作部): runs campaigns, sees every
	 * organisation.
	 */
	PLATFORM_ADMIN,

	/** An admin of one union organisation, acting on its subtree only. */
	ORG_ADMIN,

	/** A worker, union cadre or social union worker who submits works. */
	PARTICIPANT,

	/** A review expert (评审专家). */
	EXPERT;

	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	public boolean isAdmin() {
		return this == PLATFORM_ADMIN || this == ORG_ADMIN;
	}

}
