package cn.zhengji.publicity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.ChangeRejected;
import cn.zhengji.publicity.Publicities;
import cn.zhengji.publicity.PublicityChangeRejected;
import cn.zhengji.publicity.PublicityInput;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 13 item 1: the campaign admins' publicity page (the same admins as lock the
 * review rounds; anyone else gets a 404): publish a locked round's awards, handle each
 * objection, read its evidence.
 */
@Controller
class PublicityAdminController {

	/** The level choice that takes the award away. */
	static final String WITHDRAW = "WITHDRAW";

	private final Publicities publicities;

	private final StoredFiles storedFiles;

	private final Texts texts;

	PublicityAdminController(Publicities publicities, StoredFiles storedFiles, Texts texts) {
		this.publicities = publicities;
		this.storedFiles = storedFiles;
		this.texts = texts;
	}

	@GetMapping("/admin/campaigns/{code}/publicity")
	String page(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code, Model model) {
		Publicities.AdminPage page = publicities.adminPage(admin, code);
		model.addAttribute("page", page);
		model.addAttribute("defaultStart", page.today());
		model.addAttribute("defaultEnd", page.today().plusDays(6));
		return "publicity/admin";
	}

	@PostMapping("/admin/campaigns/{code}/publicity")
	String publish(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@RequestParam(required = false) Long roundId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
			@RequestParam(required = false) String notice, RedirectAttributes redirect) {
		try {
			if (roundId == null) {
				throw new PublicityChangeRejected("roundId", "publicity.publish.noAwards");
			}
			publicities.publish(admin, code, roundId, new PublicityInput(title, date(startsOn), date(endsOn), notice));
			redirect.addFlashAttribute("flashSuccess", texts.text("publicity.flash.published"));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/publicity";
	}

	@PostMapping("/admin/campaigns/{code}/publicity/objections/{id}")
	String handle(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code, @PathVariable long id,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String level,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			Publicities.Decision chosen = "UPHOLD".equals(decision) ? Publicities.Decision.UPHOLD
					: Publicities.Decision.DISMISS;
			if (chosen == Publicities.Decision.UPHOLD && (level == null || level.isBlank())) {
				throw new PublicityChangeRejected("level", "publicity.handle.levelRequired");
			}
			publicities.handle(admin, id, chosen, WITHDRAW.equals(level) ? null : level, reason);
			redirect.addFlashAttribute("flashSuccess", texts.text("publicity.flash.handled"));
		}
		catch (ChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		return "redirect:/admin/campaigns/" + code + "/publicity#objection-" + id;
	}

	@GetMapping("/admin/campaigns/{code}/publicity/objections/{id}/evidence/{position}")
	ResponseEntity<Resource> evidence(@AuthenticationPrincipal SignedInUser admin, @PathVariable String code,
			@PathVariable long id, @PathVariable int position) {
		StoredFile file = publicities.evidence(admin, id, position);
		return storedFiles.response(file, MediaType.APPLICATION_OCTET_STREAM, false);
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new PublicityChangeRejected("startsOn", "publicity.publish.dates");
		}
	}

}
