package cn.zhengji.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.CategoryRules.Alternative;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.media.Finding;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.media.Verdict;
import org.springframework.stereotype.Component;

/**
 * R-SUB-3 Whether an entry may be submitted: every required text and file, the counts of
 * each slot, at least one complete alternative (图文 or 视频), no file with a FAILED finding,
 * the nomination form complete. Each problem is one Chinese sentence for the page. Pure
 * reading: changes nothing.
 */
@Component
class EntryChecks {

	private final MediaInspector inspector;

	private final Texts texts;

	EntryChecks(MediaInspector inspector, Texts texts) {
		this.inspector = inspector;
		this.texts = texts;
	}

	/**
	 * What the checks look at. {@code nomination} is empty for categories without a
	 * nomination form.
	 */
	record Subject(CategoryRules rules, List<AttachmentSlot> slots, EntryTexts texts, List<Attachment> attachments,
			Optional<Nomination> nomination) {
	}

	List<String> problems(Subject subject) {
		CategoryRules rules = subject.rules();
		Set<String> inAlternatives = new HashSet<>();
		rules.alternatives().forEach(alternative -> inAlternatives.addAll(alternative.parts()));
		List<String> problems = new ArrayList<>();

		subject.nomination().ifPresent(nomination -> {
			List<String> missing = nomination.missingFields();
			if (!missing.isEmpty()) {
				problems.add(texts.text("submission.problem.nomination",
						missing.stream()
							.map(field -> texts.text("submission.nomination." + field))
							.collect(Collectors.joining(texts.text("common.listSeparator")))));
			}
		});

		for (TextField field : rules.textFields()) {
			if (!subject.texts().isBlank(field)) {
				failures(inspector.checkText(subject.texts().joined(field), field))
					.forEach(message -> problems.add(texts.text("submission.problem.text", field.label(), message)));
			}
			if (field.required() && !inAlternatives.contains(field.key())) {
				if (subject.texts().isBlank(field)) {
					problems.add(texts.text("submission.problem.textMissing", field.label()));
				}
				else if (!subject.texts().missingSections(field).isEmpty()) {
					problems.add(texts.text("submission.problem.sectionsMissing", field.label(),
							String.join(texts.text("common.listSeparator"), subject.texts().missingSections(field))));
				}
			}
		}

		// Once one alternative is complete, a half-done other one (two pictures of three)
		// does not matter.
		boolean alternativeComplete = rules.alternatives()
			.stream()
			.anyMatch(alternative -> complete(subject, alternative));
		for (AttachmentSlot slot : subject.slots()) {
			List<Attachment> files = filesIn(subject, slot);
			boolean alternativePart = inAlternatives.contains(slot.key());
			boolean optionalPart = !slot.required() || alternativePart;
			if (files.isEmpty() && !optionalPart) {
				problems.add(texts.text("submission.problem.fileMissing", slot.label()));
			}
			else if (!files.isEmpty() || !optionalPart) {
				inspector.checkCount(files.size(), slot)
					.stream()
					.filter(finding -> !(alternativePart && alternativeComplete && finding.rule().equals("count.min")))
					.filter(finding -> finding.verdict() == Verdict.FAILED)
					.forEach(finding -> problems
						.add(texts.text("submission.problem.count", slot.label(), finding.message())));
			}
			for (Attachment file : files) {
				if (file.blocksSubmission()) {
					problems.add(texts.text("submission.problem.fileFailed", slot.label(), file.fileName(),
							failures(file.inspection().findings()).stream()
								.collect(Collectors.joining(texts.text("common.clauseSeparator")))));
				}
			}
		}

		if (!rules.alternatives().isEmpty() && !alternativeComplete) {
			problems.add(texts.text("submission.problem.alternatives",
					rules.alternatives()
						.stream()
						.map(alternative -> texts.text("submission.check.alternative", alternative.label(),
								describe(subject, alternative)))
						.collect(Collectors.joining(texts.text("submission.problem.or")))));
		}
		return problems;
	}

	/** Every part of the alternative is there and within its limits. */
	private boolean complete(Subject subject, Alternative alternative) {
		for (String part : alternative.parts()) {
			Optional<TextField> field = subject.rules().textField(part);
			if (field.isPresent()) {
				if (subject.texts().isBlank(field.get())
						|| !failures(inspector.checkText(subject.texts().joined(field.get()), field.get())).isEmpty()) {
					return false;
				}
				continue;
			}
			Optional<AttachmentSlot> slot = subject.slots().stream().filter(s -> s.key().equals(part)).findFirst();
			if (slot.isPresent()) {
				List<Attachment> files = filesIn(subject, slot.get());
				if (files.isEmpty() || !failures(inspector.checkCount(files.size(), slot.get())).isEmpty()
						|| files.stream().anyMatch(Attachment::blocksSubmission)) {
					return false;
				}
			}
		}
		return true;
	}

	private String describe(Subject subject, Alternative alternative) {
		return alternative.parts()
			.stream()
			.map(part -> subject.rules()
				.textField(part)
				.map(TextField::label)
				.or(() -> subject.slots()
					.stream()
					.filter(s -> s.key().equals(part))
					.findFirst()
					.map(slot -> slot.minCount() > 1
							? texts.text("submission.problem.atLeast", slot.label(), slot.minCount()) : slot.label()))
				.orElse(part))
			.collect(Collectors.joining(texts.text("submission.check.plus")));
	}

	private static List<Attachment> filesIn(Subject subject, AttachmentSlot slot) {
		return subject.attachments().stream().filter(file -> file.slotKey().equals(slot.key())).toList();
	}

	private static List<String> failures(List<Finding> findings) {
		return findings.stream().filter(finding -> finding.verdict() == Verdict.FAILED).map(Finding::message).toList();
	}

}
