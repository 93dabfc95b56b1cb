package cn.zhengji.handoff.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.handoff.HandoffPackage;
import cn.zhengji.handoff.Handoffs;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.ChangeRejected;
import cn.zhengji.infrastructure.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 14 items 1 and 2: the campaign admins' hand-off pages (anyone else: 404) — the
 * mapping to the national sub-projects, the selection (推荐至全国) and the package of each
 * sub-project, streamed as a ZIP.
 */
@Controller
class HandoffController {

	private static final String NOTE = "note-";

	private static final String MAP = "map-";

	private final Handoffs handoffs;

	private final Texts texts;

	HandoffController(Handoffs handoffs, Texts texts) {
		this.handoffs = handoffs;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/handoff")
	String selection(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code, Model model) {
		model.addAttribute("page", handoffs.selectionPage(admin, code));
		return "handoff/selection";
	}

	@PostMapping("/admin/campaigns/{code}/handoff")
	String select(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@RequestParam(required = false) String origin,
			@RequestParam(name = "entryId", required = false) List<Long> entryIds,
			@RequestParam Map<String, String> parameters, RedirectAttributes redirect) {
		Map<Long, String> notes = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith(NOTE)) {
				notes.put(number(name.substring(NOTE.length())), value);
			}
		});
		try {
			int added = handoffs.select(admin, code,
					"RANKING".equals(origin) ? Handoffs.Origin.RANKING : Handoffs.Origin.MANUAL,
					entryIds == null ? List.of() : new ArrayList<>(entryIds), notes);
			redirect.addFlashAttribute("flashSuccess", texts.text("handoff.flash.selected", added));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/handoff";
	}

	@PostMapping("/admin/campaigns/{code}/handoff/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@RequestParam(required = false) String entryId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		long id = number(entryId == null ? "" : entryId);
		try {
			handoffs.withdraw(admin, code, id, reason);
			redirect.addFlashAttribute("flashSuccess", texts.text("handoff.flash.withdrawn"));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/handoff";
	}

	@GetMapping("/admin/campaigns/{code}/handoff/mapping")
	String mapping(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code, Model model) {
		model.addAttribute("page", handoffs.mappingPage(admin, code));
		return "handoff/mapping";
	}

	@PostMapping("/admin/campaigns/{code}/handoff/mapping")
	String saveMapping(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@RequestParam Map<String, String> parameters, RedirectAttributes redirect) {
		Map<Long, Long> chosen = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith(MAP) && value != null && !value.isBlank()) {
				chosen.put(number(name.substring(MAP.length())), number(value));
			}
		});
		try {
			handoffs.saveMapping(admin, code, chosen);
			redirect.addFlashAttribute("flashSuccess", texts.text("handoff.flash.mappingSaved"));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/handoff/mapping";
	}

	/**
	 * The package, with its length and an entity tag; a single byte range (a browser
	 * resuming a cut download, with {@code If-Range} naming the same tag) is answered
	 * with those bytes of the same package. Several ranges, or a tag that no longer
	 * matches, get the whole package.
	 */
	@GetMapping("/admin/campaigns/{code}/handoff/packages/{subProject}.zip")
	void download(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@PathVariable String subProject, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
			@RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange, HttpMethod method,
			HttpServletResponse response) throws IOException {
		HandoffPackage handoff = handoffs.packageOf(admin, code, subProject);
		// Every file checked before the first byte: a refusal is still an error page.
		HandoffPackage.Body body = handoff.prepare();
		long length = body.length();
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(handoff.fileName(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.ETAG, body.etag());
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setBufferSize(HandoffPackage.Body.WRITE_SIZE);
		HttpRange single = (range == null || (ifRange != null && !ifRange.equals(body.etag()))) ? null
				: singleRange(range);
		if (single == null) {
			// the browser shows the size and the time left of a download of many
			// gigabytes; a download manager's HEAD learns it without a file being read
			response.setContentLengthLong(length);
			if (method != HttpMethod.HEAD) {
				body.write(response.getOutputStream());
			}
			return;
		}
		long start = single.getRangeStart(length);
		long end = single.getRangeEnd(length);
		if (start >= length || start > end) {
			response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
			return;
		}
		response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
		response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
		response.setContentLengthLong(end - start + 1);
		if (method != HttpMethod.HEAD) {
			body.write(response.getOutputStream(), start, end - start + 1);
		}
	}

	/** The one range asked for; none for several or a header that is not a byte range. */
	private static HttpRange singleRange(String header) {
		try {
			List<HttpRange> ranges = HttpRange.parseRanges(header);
			return ranges.size() == 1 ? ranges.get(0) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static long number(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("number " + value);
		}
	}

}
