package cn.zhengji.campaign;

import java.time.Instant;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;

/** Signed-in principals for tests; accounts themselves belong to the account module. */
public final class CampaignTestUsers {

	private CampaignTestUsers() {
	}

	public static SignedInUser platformAdmin(Organisation province) {
		return new SignedInUser(900_001L, "campaign-test-admin", "测试平台管理员", Role.PLATFORM_ADMIN, province.id(),
				province.path(), province.name(), null, false, false, true)
			.withSecondFactor(Instant.now());
	}

	public static SignedInUser organisationAdmin(Organisation organisation) {
		return new SignedInUser(900_002L, "campaign-test-org-admin", "测试组织管理员", Role.ORG_ADMIN, organisation.id(),
				organisation.path(), organisation.name(), null, false, false, true)
			.withSecondFactor(Instant.now());
	}

}
