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
@Tag(name = "活动", description = "活动、阶段、征集项目及规则、线下活动分配和目标（只读、公开）")
class CampaignApiController {

	private final Campaigns campaigns;

	private final CategoryRuleDescriptions descriptions;

	private final Texts texts;

	private final Clock clock;

	CampaignApiController(Campaigns campaigns, CategoryRuleDescriptions descriptions, Texts texts,
			Clock clock) {
		this.campaigns = campaigns;
		this.descriptions = descriptions;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "活动列表", description = "所有公开的活动；演示数据关闭时不含演示活动。")
	List<CampaignSummary> list() {
		Instant now = clock.instant();
		return campaigns.allVisible().stream().map(campaign -> CampaignSummary.of(campaign, now)).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "活动详情", description = "活动基本信息、阶段、申报声明。")
	@ApiResponse(responseCode = "404", description = "没有这个活动")
	CampaignDetail show(@Parameter(description = "活动代码，如 fujian-2024") @PathVariable String code) {
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
	@Operation(summary = "活动阶段", description = "各阶段起止日期（活动时区的日历日）；截止时间为结束日期次日零点。")
	@ApiResponse(responseCode = "404", description = "没有这个活动")
	List<PhaseDto> phases(@PathVariable String code) {
		return phases(campaigns.getByCode(code), clock.instant());
	}

	@GetMapping("/{code}/categories")
	@Operation(summary = "征集项目及规则", description = "每个征集项目的结构化规则，以及由规则生成的中文说明。")
	@ApiResponse(responseCode = "404", description = "没有这个活动")
	List<CategoryDto> categories(@PathVariable String code) {
		Campaign campaign = campaigns.getByCode(code);
		return campaigns.categories(campaign).stream().map(this::category).toList();
	}

	@GetMapping("/{code}/allocations")
	@Operation(summary = "线下活动分配", description = "各单位分配的线下活动场次及合计。")
	@ApiResponse(responseCode = "404", description = "没有这个活动")
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
	@Operation(summary = "活动目标", description = "全国活动的组织动员、宣传员、线下活动、触达和覆盖目标。")
	@ApiResponse(responseCode = "404", description = "没有这个活动")
	List<TargetDto> targets(@PathVariable String code) {
		return campaigns.targets(campaigns.getByCode(code))
			.stream()
			.map(t -> new TargetDto(t.metric(), texts.text("campaign.target." + t.metric().name()), t.target()))
			.toList();
	}

	private List<PhaseDto> phases(Campaign campaign, Instant now) {
		return campaign.phases()
			.stream()
			.map(phase -> new PhaseDto(phase.kind(), phase.name(), phase.description(), phase.startsOn(), phase.endsOn(),
					phase.opensAt(campaign.timeZone()), phase.closesAt(campaign.timeZone()).orElse(null),
					phase.isOpenAt(now, campaign.timeZone())))
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

	record CampaignDetail(CampaignSummary campaign, String summary, String contact, String platformNote,
			String feeds, List<PhaseDto> phases, List<DeclarationDto> declarations) {
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
