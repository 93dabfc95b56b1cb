package cn.zhengji.handoff;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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
 * A province campaign ready to hand off: a fresh copy of fujian-2024 (which feeds
 * national-2024) whose song review ended through the real review — seven songs of a
 * county below a city, the best three awarded (一等奖, 二等奖, 三等奖 after the proposal and one
 * change) and locked, their publicity ended (AWARD_FINAL) — and one micro-video the
 * province approved without a review. Every work that may be recommended has a "video" of
 * random bytes and a second file; the first song has two files of the same name.
 */
final class HandoffScenery {

	static final String SUBMITTER_NAME = "推荐测试作者";

	final Campaign campaign;

	final Category song;

	final Organisation city;

	final Organisation county;

	final TestAccount submitter;

	final SignedInUser hostAdmin;

	final SignedInUser otherProvinceAdmin;

	/** The seven songs in scenery order; the first three are winners. */
	final long[] songs = new long[7];

	/** The approved micro-video. */
	final long video;

	HandoffScenery(CampaignAdministration administration, Campaigns campaigns, RoundResults results,
			TestOrganisations organisations, TestAccounts accounts, TestEntries entries, JdbcClient jdbc,
			Path dataDir) {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		otherProvinceAdmin = accounts.signedIn(accounts.admin(organisations.byCode("zj")).create())
			.withPasswordChanged();
		String code = "handoff-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "推荐至全国测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		Category microVideo = campaigns.category(campaign, "micro-video").orElseThrow();
		List<ReviewRound> rounds = campaigns.reviewRounds(song.id());
		long first = rounds.get(0).id();
		long second = rounds.get(1).id();
		city = organisations.create(province, "推荐测试市总工会", OrganisationKind.CITY);
		county = organisations.create(city, "推荐测试县总工会", OrganisationKind.COUNTY);
		submitter = accounts.participant(county).displayName(SUBMITTER_NAME).withMobile().create();
		long[] experts = new long[3];
		for (int i = 0; i < experts.length; i++) {
			experts[i] = accounts.staff(Role.EXPERT, province).create().id();
		}
		String[] titles = { "劳动者/之歌", "奋斗的青春", "工匠精神颂", "平凡岗位", "春风里", "海峡情", "夜班列车" };
		for (int i = 0; i < songs.length; i++) {
			songs[i] = entries.draft(campaign, song.id(), county, submitter.id(), hostAdmin.accountId(), titles[i]);
			entries.approvedBy(songs[i], province);
		}
		Random random = new Random(14);
		for (int i = 0; i < 3; i++) {
			attach(jdbc, dataDir, songs[i], "work", "作品" + i + ".mp4", bytes(random, 300_000 + i));
			attach(jdbc, dataDir, songs[i], "score", "歌谱.png", bytes(random, 5_000 + i));
		}
		attach(jdbc, dataDir, songs[0], "lyrics", "歌谱.png", bytes(random, 4_000));
		int[] firstTotals = { 95, 90, 85, 60, 55, 50, 45 };
		for (int e = 0; e < experts.length; e++) {
			for (int w = 0; w < songs.length; w++) {
				SceneryRows.scoreSheet(jdbc, campaigns.rubric(song.id()).orElseThrow(), first, songs[w], experts[e],
						firstTotals[w] - e);
			}
		}
		results.lock(hostAdmin, first);
		int[] secondTotals = { 92, 88, 80 };
		for (int e = 0; e < experts.length; e++) {
			for (int w = 0; w < 3; w++) {
				SceneryRows.scoreSheet(jdbc, campaigns.rubric(song.id()).orElseThrow(), second, songs[w], experts[e],
						secondTotals[w] - e);
			}
		}
		results.applyProposal(hostAdmin, second);
		results.setLevel(hostAdmin, second, List.of(songs[1]), "SECOND");
		results.setLevel(hostAdmin, second, List.of(songs[2]), "THIRD");
		results.lock(hostAdmin, second);
		for (int w = 0; w < 3; w++) {
			entries.publicityEnded(songs[w]);
		}
		video = entries.draft(campaign, microVideo.id(), city, null, hostAdmin.accountId(), "手选微视频");
		entries.approvedBy(video, province);
		attach(jdbc, dataDir, video, "work", "微视频.mp4", bytes(random, 200_000));
	}

	private static byte[] bytes(Random random, int size) {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		return bytes;
	}

	private void attach(JdbcClient jdbc, Path dataDir, long entryId, String slot, String fileName, byte[] bytes) {
		UUID fileId = SceneryRows.storedFile(jdbc, dataDir, submitter.id(), fileName, bytes);
		jdbc.sql(
				"""
						insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
						    inspection, blocking, attached_by, attached_at)
						select ?, ?, id, file_name, upload_length, sha256, 'application/octet-stream',
						    cast('{"detectedKind":null,"contentType":null,"facts":null,"findings":[]}' as jsonb), false, ?, now()
						from stored_file where id = ?
						""")
			.params(entryId, slot, submitter.id(), fileId)
			.update();
	}

}
