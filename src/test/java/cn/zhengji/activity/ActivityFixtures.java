package cn.zhengji.activity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.SubmissionFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The scenery of activity tests: a fresh copy of a shipped campaign (so that counts are
 * exact in the shared database), a county and a grassroots union created below 福州, admins
 * written directly, and completed uploads made through the real tus service.
 */
public final class ActivityFixtures {

	private final SubmissionFixtures accounts;

	private final CampaignAdministration administration;

	private final Campaigns campaigns;

	private final Uploads uploads;

	private final JdbcClient jdbc;

	public ActivityFixtures(JdbcClient jdbc, Organisations organisations, UserDetailsService userDetails,
			PersonalDataCipher cipher, CampaignAdministration administration, Campaigns campaigns, Uploads uploads) {
		this.accounts = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		this.administration = administration;
		this.campaigns = campaigns;
		this.uploads = uploads;
		this.jdbc = jdbc;
	}

	/**
	 * A copy of a shipped campaign ({@code fujian-2024} or {@code national-2024}) in
	 * 2024, with its allocations and targets.
	 */
	public Campaign campaignCopy(String source) {
		String code = "act-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(platformAdmin(), source, code, "线下活动测试活动" + code, 2024);
		return campaigns.getByCode(code);
	}

	/**
	 * The campaign, now feeding the parent (as the shipped Fujian campaign feeds the
	 * national one); copies feed no campaign.
	 */
	public Campaign feeding(Campaign child, Campaign parent) {
		jdbc.sql("update campaign set feeds_campaign_id = ? where id = ?").params(parent.id(), child.id()).update();
		return campaigns.getByCode(child.code());
	}

	public Organisation organisation(String code) {
		return accounts.organisation(code);
	}

	public Organisation county(Organisation city) {
		return accounts.newOrganisation(city, "活动测试区总工会", OrganisationKind.COUNTY);
	}

	/** A new unit of any kind below the parent (uniquely named). */
	public Organisation unit(Organisation parent, String prefix, OrganisationKind kind) {
		return accounts.newOrganisation(parent, prefix, kind);
	}

	public Organisation grassroots(Organisation parent) {
		return accounts.newOrganisation(parent, "活动测试公司工会", OrganisationKind.GRASSROOTS);
	}

	public SignedInUser admin(Organisation organisation) {
		return accounts.admin(organisation);
	}

	public SignedInUser platformAdmin() {
		return accounts.platformAdmin();
	}

	public SignedInUser participant(Organisation organisation) {
		return accounts.participant("WORKER", organisation);
	}

	/** A completed upload of the owner with these bytes. */
	public UUID upload(SignedInUser owner, String fileName, byte[] content) {
		String metadata = "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8));
		UUID id = uploads.create(owner, content.length, metadata).id();
		if (content.length > 0) {
			uploads.append(owner, id, 0, content.length, null, new ByteArrayInputStream(content));
		}
		return id;
	}

	/** A small picture in the given ImageIO format ("png", "jpg"). */
	public static byte[] picture(String format) {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(179, 18, 28));
		g.fillRect(0, 0, 640, 480);
		g.setColor(new Color(217, 164, 65));
		g.fillOval(220, 140, 200, 200);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static EventInput event(String heldOn, String place, int participants) {
		return new EventInput(heldOn, place, null, String.valueOf(participants), place + "开展职工网络正能量宣传活动");
	}

}
