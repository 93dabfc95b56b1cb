package cn.zhengji.showcase.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.infrastructure.web.PlatformAddress;
import cn.zhengji.infrastructure.web.PublicPageCache;
import cn.zhengji.infrastructure.web.QrCodes;
import cn.zhengji.showcase.Gallery;
import cn.zhengji.showcase.GalleryQuery;
import cn.zhengji.showcase.Showcase;
import cn.zhengji.showcase.WorkPage;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 13 item 2: the public showcase, without sign-in ({@link Showcase}). Ids that are
 * no number answer 404 like unknown ones (never 400 or 500 to the public).
 */
@Controller
class ShowcaseController {

	/** Edge length of a work's QR code in pixels. */
	private static final int QR_SIZE = 360;

	private final Showcase showcase;

	private final PlatformAddress address;

	private final PublicPageCache pageCache;

	ShowcaseController(Showcase showcase, PlatformAddress address, PublicPageCache pageCache) {
		this.showcase = showcase;
		this.address = address;
		this.pageCache = pageCache;
	}

	/**
	 * Tells the page frame that an anonymous reader posts nothing here, so that reading
	 * the showcase opens no session (see layout/main.html).
	 */
	@ModelAttribute("publicPage")
	boolean publicPage() {
		return true;
	}

	@GetMapping("/showcase")
	String index(HttpServletRequest request, HttpServletResponse response, Model model) {
		pageCache.cacheable(request, response);
		model.addAttribute("campaigns", showcase.campaignsWithPublicWorks());
		return "showcase/index";
	}

	@GetMapping("/showcase/{code}")
	String gallery(@PathVariable String code, @RequestParam(required = false) String category,
			@RequestParam(required = false) String level, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Gallery gallery = showcase.gallery(code, GalleryQuery.parse(category, level, unit, q, page));
		pageCache.cacheable(request, response);
		model.addAttribute("gallery", gallery);
		model.addAttribute("previousUrl",
				gallery.hasPrevious() ? url(code, gallery.query().parameters(gallery.page() - 1)) : null);
		model.addAttribute("nextUrl",
				gallery.hasNext() ? url(code, gallery.query().parameters(gallery.page() + 1)) : null);
		return "showcase/gallery";
	}

	@GetMapping("/showcase/works/{id:[0-9]{1,18}}")
	String work(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		WorkPage work = showcase.work(id);
		pageCache.cacheable(request, response);
		String base = address.of(request);
		model.addAttribute("work", work);
		model.addAttribute("shareUrl", base + "/showcase/works/" + id);
		model.addAttribute("openGraph", new OpenGraph(work.title(), work.description(), base + "/showcase/works/" + id,
				work.imageUrl() == null ? null : base + work.imageUrl()));
		return "showcase/work";
	}

	@GetMapping(value = "/showcase/works/{id:[0-9]{1,18}}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable long id, HttpServletRequest request) {
		// Only for a public work: a code of any number would tell nothing, but costs
		// work.
		showcase.work(id);
		CacheControl cache = CacheControl.maxAge(Duration.ofHours(1));
		return ResponseEntity.ok()
			.cacheControl(address.configured().isPresent() ? cache.cachePublic() : cache.cachePrivate())
			.body(QrCodes.png(address.of(request) + "/showcase/works/" + id, QR_SIZE));
	}

	@GetMapping("/showcase/works/{id:[0-9]{1,18}}/files/{attachmentId:[0-9]{1,18}}")
	ResponseEntity<Resource> file(@PathVariable long id, @PathVariable long attachmentId) {
		return showcase.file(id, attachmentId);
	}

	@GetMapping("/showcase/works/{id:[0-9]{1,18}}/files/{attachmentId:[0-9]{1,18}}/poster.jpg")
	ResponseEntity<Resource> poster(@PathVariable long id, @PathVariable long attachmentId) {
		return showcase.poster(id, attachmentId);
	}

	private static String url(String code, Map<String, String> parameters) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/showcase/").path(code);
		parameters.forEach(builder::queryParam);
		// Not expanded: braces in a search text are text, not a template variable.
		return builder.build().encode().toUriString();
	}

	/** The Open Graph tags of a page (link previews in chat apps); image may be null. */
	record OpenGraph(String title, String description, String url, String image) {
	}

}
