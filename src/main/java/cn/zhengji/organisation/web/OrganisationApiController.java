package cn.zhengji.organisation.web;

import java.util.List;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R-ORG-1/2 The organisations a signed-in user may look up, as JSON. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "组织机构", description = "工会组织树：管理员可查看本组织及全部下级，其他用户可查看本组织及其上级")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "可查看的组织列表", description = "管理员：本组织及全部下级（平台管理员为整棵树）；"
			+ "参与者和专家：从中华全国总工会到本组织的上级链。按树的顺序排列。")
	List<OrganisationView> list(@AuthenticationPrincipal SignedInUser user) {
		return organisations.visibleTo(user).stream().map(OrganisationView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "一个组织", description = "不存在或无权查看时返回 404。")
	@ApiResponse(responseCode = "404", description = "不存在或无权查看")
	OrganisationView one(@AuthenticationPrincipal SignedInUser user,
			@Parameter(description = "组织 id") @PathVariable long id) {
		return organisations.findVisible(user, id)
			.map(OrganisationView::of)
			.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	/**
	 * One organisation in the API.
	 * @param depth 0 for 中华全国总工会, 1 for provinces and national industry unions, and so on
	 * @param kind the kind's code name (ALL_CHINA, PROVINCIAL, CITY, COUNTY, GRASSROOTS, ...)
	 */
	record OrganisationView(long id, Long parentId, String code, String name, String shortName, String kind,
			int depth, boolean demo) {

		static OrganisationView of(Organisation organisation) {
			return new OrganisationView(organisation.id(), organisation.parentId(), organisation.code(),
					organisation.name(), organisation.shortName(), organisation.kind().name(), organisation.depth(),
					organisation.demo());
		}
	}
}
