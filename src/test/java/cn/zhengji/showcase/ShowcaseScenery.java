package cn.zhengji.showcase;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestMedia;
import cn.zhengji.support.TestOrganisations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign whose showcase has works, built through the real review: a fresh copy of
 * fujian-2024, seven songs of two cities (one through a county below its city) approved
 * by the province, scored by three experts in 初评 (the best three go on), scored again in
 * 复评, awarded by the proposal (one changed to 二等奖) and locked — three AWARDED works —
 * then {@link TestEntries#publicityEnded} makes them final. Each work has its video and a
 * score image; the first also a file in a slot the category does not have. The submitter
 * of every work is a participant with a known name and mobile, and the first work has a
 * nomination form with a known ID number and texts.
 */
final class ShowcaseScenery {

	static final String SUBMITTER_NAME = "隐私测试王小明";

	static final String NOMINEE_NAME = "隐私被推荐人李四";

	static final String ID_NUMBER = "350102199001011234";

	static final String NOMINATION_TEXT = "隐私推荐理由文字";

	static final String OPINION_TEXT = "隐私单位意见文字";

	static final String SECRET_FILE_NAME = "王小明的作品原名.mp4";

	final Campaign campaign;

	final Category song;

	final Organisation cityA;

	final Organisation cityB;

	final Organisation county;

	final TestAccount submitter;

	final SignedInUser hostAdmin;

	/** The seven works in scenery order; the first three are winners. */
	final long[] works = new long[7];

	/** The winners' video and score attachments (index as in works). */
	final long[] videos = new long[3];

	final long[] scores = new long[3];

	/** The attachment of the first work in a slot the category does not have. */
	final long strayAttachment;

	final long secondRound;

	ShowcaseScenery(CampaignAdministration administration, Campaigns campaigns, RoundResults results,
			TestOrganisations organisations, TestAccounts accounts, TestEntries entries, JdbcClient jdbc,
			PersonalDataCipher cipher, Path dataDir, String titlePrefix) {
		Organisation province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "showcase-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "作品展示测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		List<ReviewRound> rounds = campaigns.reviewRounds(song.id());
		long first = rounds.get(0).id();
		secondRound = rounds.get(1).id();
		cityA = organisations.create(province, "展示测试甲市总工会", OrganisationKind.CITY);
		cityB = organisations.create(province, "展示测试乙市总工会", OrganisationKind.CITY);
		county = organisations.create(cityA, "展示测试丙县总工会", OrganisationKind.COUNTY);
		submitter = accounts.participant(county).displayName(SUBMITTER_NAME).withMobile().create();
		long[] experts = new long[3];
		for (int i = 0; i < experts.length; i++) {
			experts[i] = accounts.staff(Role.EXPERT, province).create().id();
		}
		String[] titles = { "劳动者之歌", "奋斗的青春", "工匠精神颂", "平凡岗位", "春风里", "海峡情", "夜班列车" };
		Organisation[] units = { county, cityB, cityA, cityB, cityA, cityB, cityA };
		byte[] video = read(TestMedia.mp4(320, 240, 6, 10));
		for (int i = 0; i < works.length; i++) {
			works[i] = entries.draft(campaign, song.id(), units[i], submitter.id(), hostAdmin.accountId(),
					titlePrefix + titles[i]);
			entries.approvedBy(works[i], province);
		}
		for (int i = 0; i < 3; i++) {
			UUID videoFile = SceneryRows.storedFile(jdbc, dataDir, submitter.id(),
					i == 0 ? SECRET_FILE_NAME : "作品" + i + ".mp4", video);
			videos[i] = attach(jdbc, works[i], "work", videoFile, "video/mp4");
			scores[i] = attach(jdbc, works[i], "score",
					SceneryRows.storedFile(jdbc, dataDir, submitter.id(), "王小明歌谱" + i + ".png", png(i)), "image/png");
		}
		strayAttachment = attach(jdbc, works[0], "nomination-letter",
				SceneryRows.storedFile(jdbc, dataDir, submitter.id(), "推荐信.png", png(9)), "image/png");
		nomination(jdbc, cipher, works[0]);
		// 初评: the first three works rank first (⌈30 % × 7⌉ = 3 go on).
		int[] firstTotals = { 95, 90, 85, 60, 55, 50, 45 };
		SceneryRows.scoreRound(jdbc, campaigns.rubric(song.id()).orElseThrow(), first, works, experts, firstTotals);
		results.lock(hostAdmin, first);
		int[] secondTotals = { 92, 88, 80 };
		SceneryRows.scoreRound(jdbc, campaigns.rubric(song.id()).orElseThrow(), secondRound, works, experts,
				secondTotals);
		results.applyProposal(hostAdmin, secondRound);
		results.setLevel(hostAdmin, secondRound, List.of(works[1]), "SECOND");
		results.lock(hostAdmin, secondRound);
		for (int w = 0; w < 3; w++) {
			entries.publicityEnded(works[w]);
		}
	}

	private static void nomination(JdbcClient jdbc, PersonalDataCipher cipher, long entryId) {
		jdbc.sql("""
				insert into entry_nomination (entry_id, name, sex, birth_month, account_name, unit_and_position,
				    mobile_cipher, mobile_masked, id_number_cipher, id_number_masked, profile, reasons,
				    work_unit_opinion, recommending_unit_opinion, province_opinion)
				values (?, ?, 'MALE', ?, '隐私网名', '隐私单位职务', ?, ?, ?, ?, '隐私个人简介', ?, ?, ?, ?)
				""")
			.params(entryId, NOMINEE_NAME, YearMonth.of(1990, 1).atDay(1), cipher.encrypt("13900001111"),
					PersonalDataCipher.maskMobile("13900001111"), cipher.encrypt(ID_NUMBER), "3501**********1234",
					NOMINATION_TEXT, OPINION_TEXT, OPINION_TEXT, OPINION_TEXT)
			.update();
	}

	private long attach(JdbcClient jdbc, long entryId, String slot, UUID fileId, String contentType) {
		return jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
				    inspection, blocking, attached_by, attached_at)
				select ?, ?, id, file_name, upload_length, sha256, ?, cast(? as jsonb), false, ?, now()
				from stored_file where id = ?
				returning id
				""")
			.params(entryId, slot, contentType,
					"{\"detectedKind\":null,\"contentType\":\"" + contentType + "\",\"facts\":null,\"findings\":[]}",
					submitter.id(), fileId)
			.query(Long.class)
			.single();
	}

	static byte[] png(int seed) {
		BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x8c0d15 + seed * 0x101010));
		g.fillRect(0, 0, 160, 90);
		g.setColor(Color.WHITE);
		g.fillOval(50 + seed * 5, 20, 40, 40);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "PNG", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
