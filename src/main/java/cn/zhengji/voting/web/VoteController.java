package cn.zhengji.voting.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.account.FieldProblem;
import cn.zhengji.account.InvalidAccountInput;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.voting.Ballots;
import cn.zhengji.voting.Ballots.Answer;
import cn.zhengji.voting.Ballots.Origin;
import cn.zhengji.voting.Ballots.Outcome;
import cn.zhengji.voting.Ballots.Result;
import cn.zhengji.voting.VoteSetting;
import cn.zhengji.voting.Voters;
import cn.zhengji.voting.Voters.Voter;
import cn.zhengji.voting.VotingUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 13 item 4, the voter's pages, without an account: {@code /vote/verify} proves a
 * mobile number by a one-time code and gives the browser the signed voter cookie
 * ({@link VoterCookie}; the voter is in the session as well); the showcase's work page
 * loads the vote panel ({@code /vote/works/{id}/panel}, htmx) and votes with {@code POST
 * /vote/works/{id}} — HTML for the panel, JSON (problem details in Chinese for refusals)
 * when asked for. The panel sets a device cookie for the per-device limits.
 */
@Controller
class VoteController {

	static final String VOTER = "votingVoter";

	static final String DEVICE_COOKIE = "ZJDEVICE";

	private final Voters voters;

	private final Ballots ballots;

	private final Texts texts;

	private final Clock clock;

	private final ObjectMapper json;

	private final VoterCookie voterCookie;

	VoteController(Voters voters, Ballots ballots, Texts texts, Clock clock, ObjectMapper json,
			VoterCookie voterCookie) {
		this.json = json;
		this.voterCookie = voterCookie;
		this.voters = voters;
		this.ballots = ballots;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/vote/verify")
	String verifyPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("voter", voter(request));
		return "voting/verify";
	}

	@PostMapping("/vote/verify/code")
	String sendCode(@RequestParam(required = false) String mobile, @RequestParam(required = false) String next,
			HttpServletRequest request, Model model) {
		model.addAttribute("next", safeNext(next));
		model.addAttribute("mobile", mobile);
		try {
			voters.sendCode(mobile, request.getRemoteAddr());
			model.addAttribute("codeSent", true);
		}
		catch (InvalidAccountInput refusal) {
			model.addAttribute("error", message(refusal));
		}
		return "voting/verify";
	}

	@PostMapping("/vote/verify")
	String verify(@RequestParam(required = false) String mobile, @RequestParam(required = false) String code,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		try {
			Voter voter = voters.verify(mobile, code);
			// a new session id for the proved voter (no fixation)
			request.getSession();
			request.changeSessionId();
			request.getSession().setAttribute(VOTER, voter);
			// and the credential a vote is checked by, without the session
			voterCookie.issue(voter, request, response);
			return "redirect:" + safeNext(next);
		}
		catch (InvalidAccountInput refusal) {
			model.addAttribute("next", safeNext(next));
			model.addAttribute("mobile", mobile);
			model.addAttribute("codeSent", true);
			model.addAttribute("error", message(refusal));
			return "voting/verify";
		}
	}

	@GetMapping("/vote/works/{id:[0-9]{1,18}}/panel")
	String panel(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		device(request, response);
		return panel(id, request, model, null, null);
	}

	/**
	 * A vote: the panel again with the outcome (htmx), or JSON when the client asks for
	 * it ({@code Accept: application/json}): the outcome and message, refusals as problem
	 * details in Chinese (401 unverified, 404 in no vote, 409 daily limit or closed, 428
	 * challenge with its id and difficulty, 429 too many).
	 */
	@PostMapping("/vote/works/{id:[0-9]{1,18}}")
	String vote(@PathVariable long id, @RequestParam(required = false) String challenge,
			@RequestParam(required = false) String nonce, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		boolean json = wantsJson(request);
		Voter voter = voter(request);
		if (voter == null) {
			if (json) {
				problem(response, HttpStatus.UNAUTHORIZED, texts.text("voting.vote.verifyFirst"), null);
				return null;
			}
			return panel(id, request, model, null, texts.text("voting.vote.verifyFirst"));
		}
		Result result;
		try {
			result = ballots.cast(voter.id(), id, new Origin(request.getRemoteAddr(), device(request, response)),
					new Answer(challenge, nonce));
		}
		catch (VotingUnavailable unavailable) {
			String message = texts.text(
					unavailable.reason() == VotingUnavailable.Reason.BUSY ? "voting.vote.busy" : "voting.vote.failed");
			if (json) {
				problem(response, HttpStatus.SERVICE_UNAVAILABLE, message, null);
				return null;
			}
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return panel(id, request, model, null, message);
		}
		if (!json) {
			return panel(id, request, model, result, null);
		}
		String message = texts.text("voting.vote.outcome." + result.outcome().name());
		switch (result.outcome()) {
			case COUNTED -> {
				response.setStatus(HttpStatus.OK.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				json(response, Map.of("outcome", result.outcome().name(), "message", message));
			}
			case DAILY_LIMIT, CLOSED -> problem(response, HttpStatus.CONFLICT, message, result);
			case NOT_IN_VOTING -> problem(response, HttpStatus.NOT_FOUND, message, result);
			case CHALLENGE -> problem(response, HttpStatus.PRECONDITION_REQUIRED, message, result);
			default -> problem(response, HttpStatus.TOO_MANY_REQUESTS, message, result);
		}
		return null;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

	private void problem(HttpServletResponse response, HttpStatus status, String message, Result result)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", texts.text("voting.vote.refused"));
		problem.put("status", status.value());
		problem.put("detail", message);
		if (result != null) {
			problem.put("outcome", result.outcome().name());
			if (result.challenge() != null) {
				problem.put("challenge", result.challenge().id().toString());
				problem.put("difficulty", result.challenge().difficulty());
			}
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json(response, problem);
	}

	private void json(HttpServletResponse response, Map<String, Object> body) throws IOException {
		response.getWriter().write(this.json.writeValueAsString(body));
	}

	private String panel(long id, HttpServletRequest request, Model model, Result result, String error) {
		Optional<VoteSetting> vote = ballots.voteOf(id);
		model.addAttribute("workId", id);
		model.addAttribute("inVote", vote.isPresent());
		model.addAttribute("open", vote.map((setting) -> setting.isOpenAt(clock.instant())).orElse(false));
		model.addAttribute("showsCount", vote.map((setting) -> setting.showsCountsAt(clock.instant())).orElse(false));
		model.addAttribute("count", vote.isPresent() ? ballots.count(id) : 0L);
		model.addAttribute("voter", voter(request));
		model.addAttribute("error", error);
		if (result != null) {
			model.addAttribute("outcome", result.outcome().name());
			model.addAttribute("success", result.outcome() == Outcome.COUNTED);
			model.addAttribute("message", texts.text("voting.vote.outcome." + result.outcome().name()));
			model.addAttribute("challenge", result.challenge());
		}
		return "voting/panel :: panel";
	}

	/** The voter of the signed cookie: never the session, which a vote does not load. */
	private Voter voter(HttpServletRequest request) {
		return voterCookie.voter(request);
	}

	/** The device cookie of the browser, set when missing. */
	private static String device(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[0-9a-f-]{36}")) {
					return cookie.getValue();
				}
			}
		}
		String device = UUID.randomUUID().toString();
		Cookie cookie = new Cookie(DEVICE_COOKIE, device);
		cookie.setPath("/vote");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
		return device;
	}

	/** Only a path of the showcase: never another site. */
	private static String safeNext(String next) {
		return next != null && next.matches("/showcase(/[A-Za-z0-9_./-]*)?") && !next.contains("..") ? next
				: "/showcase";
	}

	private String message(InvalidAccountInput refusal) {
		FieldProblem problem = refusal.problems().getFirst();
		return texts.text(problem.messageCode(), problem.arguments());
	}

}
