package cn.zhengji.campaign.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhengji.campaign.Allocation;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.Phase;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.campaign.TargetMetric;
import cn.zhengji.infrastructure.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read-only public JSON API of campaigns: what the notice itself makes public. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "api.campaign.tag.name", description = "api.campaign.tag.description")
class CampaignApiController {

	private final Campaigns campaigns;

	private final CategoryRuleDescriptions descriptions;

	private final Texts texts;

	private final Clock clock;

	CampaignApiController(Campaigns campaigns, CategoryRuleDescriptions descriptions, Texts texts, Clock clock) {
		this.campaigns = campaigns;
		this.descriptions = descriptions;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "api.campaign.list.summary", description = "api.campaign.list.description")
	List<CampaignSummary> list() {
		Instant now = clock.instant();
		return campaigns.allVisible().stream().map(campaign -> CampaignSummary.of(campaign, now)).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "api.campaign.show.summary", description = "api.campaign.show.description")
	@ApiResponse(responseCode = "404", description = "api.campaign.notFound")
	CampaignDetail show(@Parameter(description = "api.campaign.code.parameter") @PathVariable String code) {
		Campaign campaign = campaigns.getByCode(code);
		Instant now = clock.instant();
		String feeds = campaign.feedsCampaignId() == null ? null
				: campaigns.findById(campaign.feedsCampaignId()).map(Campaign::code).orElse(null);
		return new CampaignDetail(CampaignSummary.of(campaign, now), campaign.summary(), campaign.contact(),
				campaign.platformNote(), feeds, phases(campaign, now),
				campaigns.declarations(campaign)
					.stream()
					.map(d -> new DeclarationDto(d.code(), d.textVersion(), d.title(), d.body()))
					.toList());
	}

	@GetMapping("/{code}/phases")
	@Operation(summary = "api.campaign.phases.summary", description = "api.campaign.phases.description")
	@ApiResponse(responseCode = "404", description = "api.campaign.notFound")
	List<PhaseDto> phases(@PathVariable String code) {
		return phases(campaigns.getByCode(code), clock.instant());
	}

	@GetMapping("/{code}/categories")
	@Operation(summary = "api.campaign.categories.summary", description = "api.campaign.categories.description")
	@ApiResponse(responseCode = "404", description = "api.campaign.notFound")
	List<CategoryDto> categories(@PathVariable String code) {
		Campaign campaign = campaigns.getByCode(code);
		return campaigns.categories(campaign).stream().map(this::category).toList();
	}

	@GetMapping("/{code}/allocations")
	@Operation(summary = "api.campaign.allocations.summary", description = "api.campaign.allocations.description")
	@ApiResponse(responseCode = "404", description = "api.campaign.notFound")
	AllocationsDto allocations(@PathVariable String code) {
		Campaign campaign = campaigns.getByCode(code);
		List<Allocation> allocations = campaigns.allocations(campaign);
		return new AllocationsDto(campaign.code(),
				allocations.stream()
					.map(a -> new AllocationDto(a.organisationCode(), a.organisationName(), a.events()))
					.toList(),
				allocations.stream().mapToInt(Allocation::events).sum());
	}

	@GetMapping("/{code}/targets")
	@Operation(summary = "api.campaign.targets.summary", description = "api.campaign.targets.description")
	@ApiResponse(responseCode = "404", description = "api.campaign.notFound")
	List<TargetDto> targets(@PathVariable String code) {
		return campaigns.targets(campaigns.getByCode(code))
			.stream()
			.map(t -> new TargetDto(t.metric(), texts.text("campaign.target." + t.metric().name()), t.target()))
			.toList();
	}

	private List<PhaseDto> phases(Campaign campaign, Instant now) {
		return campaign.phases()
			.stream()
			.map(phase -> new PhaseDto(phase.kind(), phase.name(), phase.description(), phase.startsOn(),
					phase.endsOn(), phase.opensAt(campaign.timeZone()),
					phase.closesAt(campaign.timeZone()).orElse(null), phase.isOpenAt(now, campaign.timeZone())))
			.toList();
	}

	private CategoryDto category(Category category) {
		CategoryRules rules = category.rules();
		return new CategoryDto(category.code(), category.name(), category.shortName(), category.hostUnits(),
				category.description(), rules, descriptions.participation(rules), descriptions.requirements(rules));
	}

	record Host(String code, String name) {
	}

	record CampaignSummary(String code, String title, int year, String documentNumber, Host host, String organisers,
			String timeZone, boolean demo, PhaseKind currentPhase, boolean acceptsSubmissions) {

		static CampaignSummary of(Campaign campaign, Instant now) {
			return new CampaignSummary(campaign.code(), campaign.title(), campaign.year(), campaign.documentNumber(),
					new Host(campaign.hostOrganisationCode(), campaign.hostOrganisationName()), campaign.organisers(),
					campaign.timeZone().getId(), campaign.demo(),
					campaign.currentPhase(now).map(Phase::kind).orElse(null), campaign.acceptsSubmissions(now));
		}
	}

	record CampaignDetail(CampaignSummary campaign, String summary, String contact, String platformNote, String feeds,
			List<PhaseDto> phases, List<DeclarationDto> declarations) {
	}

	record PhaseDto(PhaseKind kind, String name, String description, LocalDate startsOn, LocalDate endsOn,
			Instant opensAt, Instant closesAt, boolean current) {
	}

	record DeclarationDto(String code, int textVersion, String title, String body) {
	}

	record CategoryDto(String code, String name, String shortName, String hostUnits, String description,
			CategoryRules rules, List<String> participation, List<String> requirements) {
	}

	record AllocationDto(String unitCode, String unitName, int events) {
	}

	record AllocationsDto(String campaign, List<AllocationDto> units, int total) {
	}

	record TargetDto(TargetMetric metric, String label, long target) {
	}

}
