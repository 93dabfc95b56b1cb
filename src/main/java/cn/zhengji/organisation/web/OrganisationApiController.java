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
@Tag(name = "api.organisation.tag.name", description = "api.organisation.tag.description")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "api.organisation.list.summary", description = "api.organisation.list.description")
	List<OrganisationView> list(@AuthenticationPrincipal SignedInUser user) {
		return organisations.visibleTo(user).stream().map(OrganisationView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "api.organisation.one.summary", description = "api.organisation.one.description")
	@ApiResponse(responseCode = "404", description = "api.organisation.one.notFound")
	OrganisationView one(@AuthenticationPrincipal SignedInUser user,
			@Parameter(description = "api.organisation.id.parameter") @PathVariable long id) {
		return organisations.findVisible(user, id)
			.map(OrganisationView::of)
			.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	/**
	 * One organisation in the API.
	 *
	 * @param depth 0 for 中华全国总工会, 1 for provinces and national industry unions, and so on
	 * @param kind the kind's code name (ALL_CHINA, PROVINCIAL, CITY, COUNTY, GRASSROOTS,
	 * ...)
	 */
	record OrganisationView(long id, Long parentId, String code, String name, String shortName, String kind, int depth,
			boolean demo) {

		static OrganisationView of(Organisation organisation) {
			return new OrganisationView(organisation.id(), organisation.parentId(), organisation.code(),
					organisation.name(), organisation.shortName(), organisation.kind().name(), organisation.depth(),
					organisation.demo());
		}
	}

}
