package cn.zhengji.campaign;

/**
 * R-CAM-1 What a campaign says about itself, as its admins edit it: title, short title,
 * document number (文号), host organisation (by code) and organisers, summary and the
 * platform note.
 */
public record CampaignSettings(String title, String shortTitle, String documentNumber, String hostCode,
		String organisers, String summary, String platformNote) {

	public static CampaignSettings of(Campaign campaign) {
		return new CampaignSettings(campaign.title(), campaign.shortTitle(), campaign.documentNumber(),
				campaign.hostOrganisationCode(), campaign.organisers(), campaign.summary(), campaign.platformNote());
	}

}
