package cn.zhengji.publicity.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.account.FieldProblem;
import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.web.PublicPageCache;
import cn.zhengji.publicity.ObjectionInput;
import cn.zhengji.publicity.Publicities;
import cn.zhengji.publicity.PublicityChangeRejected;
import cn.zhengji.publicity.PublicityView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 13 item 1: the public results pages (结果公示), no sign-in: the lists, one list with
 * its period, notice, works and outcomes, and the objection form during the period (a
 * one-time code to the mobile first). Nothing personal is on these pages.
 */
@Controller
class ResultsController {

	private final Publicities publicities;

	private final Texts texts;

	private final PublicPageCache pageCache;

	ResultsController(Publicities publicities, Texts texts, PublicPageCache pageCache) {
		this.publicities = publicities;
		this.texts = texts;
		this.pageCache = pageCache;
	}

	@GetMapping("/results")
	String index(HttpServletRequest request, HttpServletResponse response, Model model) {
		// The same for every anonymous reader and without a form (the lists have the
		// objection form, whose token needs a session).
		pageCache.cacheable(request, response);
		model.addAttribute("publicPage", true);
		model.addAttribute("publicities", publicities.all());
		return "publicity/index";
	}

	@GetMapping("/results/{id:[0-9]{1,18}}")
	String list(@PathVariable long id, Model model) {
		PublicityView view = publicities.find(id);
		model.addAttribute("view", view);
		// the visitor's number and chosen work come back from sending the code as flash
		// attributes, never in the address (logs, Referer)
		if (!model.containsAttribute("mobile")) {
			model.addAttribute("mobile", "");
		}
		if (!model.containsAttribute("entry")) {
			model.addAttribute("entry", "");
		}
		return "publicity/list";
	}

	@PostMapping("/results/{id:[0-9]{1,18}}/code")
	String sendCode(@PathVariable long id, @RequestParam(required = false) String mobile,
			@RequestParam(required = false) String entryId, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			publicities.sendCode(id, mobile, request.getRemoteAddr());
			redirect.addFlashAttribute("flashSuccess", texts.text("publicity.objection.codeSent"));
		}
		catch (InvalidAccountInput ex) {
			redirect.addFlashAttribute("flashError", message(ex));
		}
		catch (PublicityChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		redirect.addFlashAttribute("mobile", mobile == null ? "" : mobile.strip());
		redirect.addFlashAttribute("entry", entryId == null ? "" : entryId);
		return "redirect:/results/" + id + "#objection";
	}

	@PostMapping("/results/{id:[0-9]{1,18}}/objections")
	String file(@PathVariable long id, @RequestParam(required = false) String entryId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String mobile,
			@RequestParam(required = false) String code, @RequestParam(required = false) String reason,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> files, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		List<Path> temporary = new ArrayList<>();
		try {
			List<ObjectionInput.Evidence> evidence = new ArrayList<>();
			for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
				if (file.isEmpty()) {
					continue;
				}
				Path content = Files.createTempFile("objection-", ".upload");
				temporary.add(content);
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, content, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				evidence.add(new ObjectionInput.Evidence(content, file.getOriginalFilename()));
			}
			long entry = parse(entryId);
			publicities.fileObjection(id, new ObjectionInput(entry, name, mobile, code, reason, evidence),
					request.getRemoteAddr());
			redirect.addFlashAttribute("flashSuccess", texts.text("publicity.objection.filed"));
			return "redirect:/results/" + id;
		}
		catch (InvalidAccountInput ex) {
			redirect.addFlashAttribute("flashError", message(ex));
		}
		catch (PublicityChangeRejected ex) {
			redirect.addFlashAttribute("flashError", texts.text(ex.messageCode(), ex.arguments()));
		}
		finally {
			for (Path content : temporary) {
				Files.deleteIfExists(content);
			}
		}
		redirect.addFlashAttribute("mobile", mobile == null ? "" : mobile.strip());
		redirect.addFlashAttribute("entry", entryId == null ? "" : entryId);
		return "redirect:/results/" + id + "#objection";
	}

	private static long parse(String entryId) {
		try {
			return Long.parseLong(entryId == null ? "" : entryId.strip());
		}
		catch (NumberFormatException ex) {
			throw new PublicityChangeRejected("entryId", "publicity.objection.work");
		}
	}

	private String message(InvalidAccountInput ex) {
		FieldProblem problem = ex.problems().get(0);
		return texts.text(problem.messageCode(), problem.arguments());
	}

}
