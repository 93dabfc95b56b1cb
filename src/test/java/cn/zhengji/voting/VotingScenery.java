package cn.zhengji.voting;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign with a vote: a fresh copy of fujian-2024 whose song category has
 * {@code works} works approved by the province, and no vote settings yet ({@link #open}).
 */
final class VotingScenery {

	final Campaign campaign;

	final Category song;

	final Organisation province;

	final Organisation city;

	final TestAccount submitter;

	final SignedInUser hostAdmin;

	final long[] works;

	VotingScenery(CampaignAdministration administration, Campaigns campaigns, TestOrganisations organisations,
			TestAccounts accounts, TestEntries entries, int works) {
		province = organisations.byCode("fj");
		hostAdmin = accounts.signedIn(accounts.admin(province).create()).withPasswordChanged();
		String code = "vote-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "网络投票测试活动", 2020);
		campaign = campaigns.getByCode(code);
		song = campaigns.category(campaign, "song").orElseThrow();
		city = organisations.create(province, "投票测试市总工会", OrganisationKind.CITY);
		submitter = accounts.participant(city).withMobile().create();
		this.works = new long[works];
		for (int i = 0; i < works; i++) {
			this.works[i] = entries.draft(campaign, song.id(), city, submitter.id(), hostAdmin.accountId(),
					"投票作品" + (i + 1));
			entries.approvedBy(this.works[i], province);
		}
	}

	/** Opens the song category's vote for the window (instants) with the given rules. */
	VoteSetting open(VotingSettings settings, Instant opens, Instant closes, int votesPerDay, boolean countsPublic,
			Long roundId) {
		return settings.save(hostAdmin, campaign,
				new VotingSettings.Change("song", roundId, LocalDateTime.ofInstant(opens, campaign.timeZone()),
						LocalDateTime.ofInstant(closes, campaign.timeZone()), votesPerDay, 1, countsPublic));
	}

	/** Stores a file under the data folder as a completed upload and attaches it. */
	long attach(JdbcClient jdbc, Path dataDir, long entryId, String slot, String fileName, byte[] bytes,
			String contentType) {
		UUID id = SceneryRows.storedFile(jdbc, dataDir, submitter.id(), fileName, bytes);
		return jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
				    inspection, blocking, attached_by, attached_at)
				select ?, ?, id, file_name, upload_length, sha256, ?, cast(? as jsonb), false, ?, now()
				from stored_file where id = ?
				returning id
				""")
			.params(entryId, slot, contentType,
					"{\"detectedKind\":null,\"contentType\":\"" + contentType + "\",\"facts\":null,\"findings\":[]}",
					submitter.id(), id)
			.query(Long.class)
			.single();
	}

}
