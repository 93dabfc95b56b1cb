package cn.zhengji.publicity;

import java.util.List;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh copy of fujian-2024 whose song review ended through the real review: seven
 * songs of a city, approved by the province, scored by three experts in 初评 (the best
 * three go on) and 复评, awarded 一等奖, 二等奖, 三等奖 and locked: three AWARDED works of a
 * participant with a known name and mobile. A second province's admin stands for "another
 * province".
 */
public final class PublicityScenery {

	public static final String SUBMITTER_NAME = "公示测试张三";

	public final Campaign campaign;

	public final Category song;

	public final TestAccount submitter;

	public final SignedInUser hostAdmin;

	public final SignedInUser otherProvinceAdmin;

	public final long[] works = new long[7];

	public final long secondRound;

	public PublicityScenery(CampaignAdministration administration, Campaigns campaigns, RoundResults results,
			TestOrganisations organisations, TestAccounts accounts, TestEntries entries, JdbcClient jdbc) {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		otherProvinceAdmin = accounts.signedIn(accounts.admin(organisations.byCode("zj")).create())
			.withPasswordChanged();
		String code = "publicity-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "结果公示测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		List<ReviewRound> rounds = campaigns.reviewRounds(song.id());
		long first = rounds.get(0).id();
		secondRound = rounds.get(1).id();
		Organisation city = organisations.create(province, "公示测试市总工会", OrganisationKind.CITY);
		submitter = accounts.participant(city).displayName(SUBMITTER_NAME).withMobile().create();
		long[] experts = new long[3];
		for (int i = 0; i < experts.length; i++) {
			experts[i] = accounts.staff(Role.EXPERT, province).create().id();
		}
		String[] titles = { "公示之歌", "异议之歌", "定稿之歌", "第四首", "第五首", "第六首", "第七首" };
		for (int i = 0; i < works.length; i++) {
			works[i] = entries.draft(campaign, song.id(), city, submitter.id(), hostAdmin.accountId(), titles[i]);
			entries.approvedBy(works[i], province);
		}
		int[] firstTotals = { 95, 90, 85, 60, 55, 50, 45 };
		SceneryRows.scoreRound(jdbc, campaigns.rubric(song.id()).orElseThrow(), first, works, experts, firstTotals);
		results.lock(hostAdmin, first);
		int[] secondTotals = { 92, 88, 80 };
		SceneryRows.scoreRound(jdbc, campaigns.rubric(song.id()).orElseThrow(), secondRound, works, experts,
				secondTotals);
		results.applyProposal(hostAdmin, secondRound);
		results.setLevel(hostAdmin, secondRound, List.of(works[1]), "SECOND");
		results.setLevel(hostAdmin, secondRound, List.of(works[2]), "THIRD");
		results.lock(hostAdmin, secondRound);
	}

}
