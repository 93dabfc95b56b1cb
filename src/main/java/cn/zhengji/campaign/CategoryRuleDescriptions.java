package cn.zhengji.campaign;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.campaign.CategoryRules.MediaRules;
import cn.zhengji.campaign.CategoryRules.Resolution;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.organisation.OrganisationKind;
import org.springframework.stereotype.Component;

/**
 * Puts structured category rules into plain Chinese sentences
 * (messages-campaign.properties), so that what a participant reads is generated from the
 * very values the upload checks use.
 */
@Component
public class CategoryRuleDescriptions {

	/**
	 * Judgements about the picture and sound, read together with the file's technical
	 * rules.
	 */
	private static final Set<JudgementKind> MEDIA_JUDGEMENTS = EnumSet.of(JudgementKind.WATERMARK,
			JudgementKind.TITLE_IN_OPENING_CREDITS, JudgementKind.PICTURE_CLARITY, JudgementKind.AUDIO_CLARITY);

	private final Texts texts;

	CategoryRuleDescriptions(Texts texts) {
		this.texts = texts;
	}

	/**
	 * Who may take part: individuals, organisations submitting, organisations
	 * recommending.
	 */
	public List<String> participation(CategoryRules rules) {
		List<String> lines = new ArrayList<>();
		if (!rules.submitters().isEmpty()) {
			lines.add(texts.text("campaign.rules.submitters", join(rules.submitters(),
					kind -> texts.text("campaign.submitter." + kind.name()), texts.text("common.listSeparator"))));
		}
		if (rules.submitters().contains(CategoryRules.SubmitterKind.UNION_ORGANISATION)
				&& !rules.submittingOrganisationKinds().isEmpty()) {
			lines.add(texts.text("campaign.rules.submittingOrganisations", kinds(rules.submittingOrganisationKinds())));
		}
		if (!rules.recommendingOrganisationKinds().isEmpty()) {
			lines.add(texts.text("campaign.rules.recommending", kinds(rules.recommendingOrganisationKinds())));
		}
		if (rules.multipleWorksPerPerson()) {
			lines.add(texts.text("campaign.rules.multipleWorks"));
		}
		return lines;
	}

	/** What to hand in and the rules it must meet, one sentence per file or text. */
	public List<String> requirements(CategoryRules rules) {
		List<String> lines = new ArrayList<>();
		if (rules.nominationForm()) {
			lines.add(texts.text("campaign.rules.nominationForm"));
		}
		AttachmentSlot primary = rules.primaryMediaSlot().orElse(null);
		for (AttachmentSlot slot : rules.attachments()) {
			lines.add(describe(slot, slot == primary ? rules : null));
		}
		for (TextField field : rules.textFields()) {
			lines.add(describe(field));
		}
		if (!rules.alternatives().isEmpty()) {
			lines.add(texts.text("campaign.rules.alternatives",
					join(rules.alternatives(), CategoryRules.Alternative::label, texts.text("campaign.rules.or"))));
		}
		List<String> others = rules.judgements()
			.stream()
			.filter(judgement -> primary == null || !MEDIA_JUDGEMENTS.contains(judgement.kind()))
			.map(judgement -> texts.text("campaign.judgement." + judgement.kind().name())
					+ (judgement.mandatory() ? "" : texts.text("campaign.rules.preferred")))
			.toList();
		if (!others.isEmpty()) {
			lines.add(
					texts.text("campaign.rules.judgements", String.join(texts.text("common.clauseSeparator"), others)));
		}
		for (CategoryRules.Quota quota : rules.quotas()) {
			String who = kinds(quota.recommendingKinds());
			if (quota.min() != null && quota.max() != null) {
				lines.add(texts.text("campaign.rules.quota.range", who, quota.min(), quota.max()));
			}
			else if (quota.max() != null) {
				lines.add(texts.text("campaign.rules.quota.max", who, quota.max()));
			}
			else if (quota.min() != null) {
				lines.add(texts.text("campaign.rules.quota.min", who, quota.min()));
			}
		}
		return lines;
	}

	/**
	 * The technical rules of a media file in one sentence, e.g. "时长30秒至5分钟；分辨率1080P…".
	 */
	public String mediaRules(AttachmentSlot slot) {
		return slot.media() == null ? "" : String.join(texts.text("common.clauseSeparator"), mediaParts(slot));
	}

	private String describe(AttachmentSlot slot, CategoryRules withJudgements) {
		List<String> parts = new ArrayList<>();
		parts.add(texts.text("campaign.rules.formats",
				join(slot.accepted(), FileKind::name, texts.text("campaign.rules.or"))));
		parts.addAll(mediaParts(slot));
		if (withJudgements != null) {
			withJudgements.judgements()
				.stream()
				.filter(judgement -> MEDIA_JUDGEMENTS.contains(judgement.kind()))
				.forEach(judgement -> parts.add(texts.text("campaign.judgement." + judgement.kind().name())));
		}
		boolean images = !slot.accepted().isEmpty() && slot.accepted().stream().allMatch(FileKind::isImage);
		String unit = texts.text(images ? "campaign.rules.unit.image" : "campaign.rules.unit.file");
		if (slot.minCount() > 1) {
			parts.add(texts.text("campaign.rules.count.min", slot.minCount(), unit));
		}
		if (slot.maxCount() != null && slot.maxCount() > 1) {
			parts.add(texts.text("campaign.rules.count.max", slot.maxCount(), unit));
		}
		if (slot.maxFileSizeMb() != null) {
			parts.add(texts.text("campaign.rules.fileSize", slot.maxFileSizeMb()));
		}
		String label = slot.required() ? slot.label() : slot.label() + texts.text("campaign.rules.optional");
		return texts.text("campaign.rules.labelled", label, String.join(texts.text("common.clauseSeparator"), parts));
	}

	private List<String> mediaParts(AttachmentSlot slot) {
		MediaRules media = slot.media();
		List<String> parts = new ArrayList<>();
		if (media == null) {
			return parts;
		}
		boolean mixed = slot.accepted().stream().anyMatch(FileKind::isAudio)
				&& slot.accepted().stream().anyMatch(FileKind::isVideo);
		if (media.minDurationSeconds() != null && media.maxDurationSeconds() != null) {
			parts.add(texts.text("campaign.rules.duration.range", duration(media.minDurationSeconds()),
					duration(media.maxDurationSeconds())));
		}
		else if (media.maxDurationSeconds() != null) {
			parts.add(texts.text(
					media.durationAdvisory() ? "campaign.rules.duration.maxAdvisory" : "campaign.rules.duration.max",
					duration(media.maxDurationSeconds())));
		}
		else if (media.minDurationSeconds() != null) {
			parts.add(texts.text("campaign.rules.duration.min", duration(media.minDurationSeconds())));
		}
		String videoPrefix = mixed ? texts.text("campaign.rules.videoPrefix") : "";
		if (!media.resolutions().isEmpty()) {
			String sizes = join(media.resolutions(), r -> r.width() + "×" + r.height(),
					texts.text("campaign.rules.or"));
			boolean fullHd = media.resolutions()
				.stream()
				.allMatch(r -> r == Resolution.FHD_LANDSCAPE || r == Resolution.FHD_PORTRAIT);
			parts.add(videoPrefix
					+ texts.text(fullHd ? "campaign.rules.resolution.fhd" : "campaign.rules.resolution", sizes));
		}
		if (!media.aspectRatios().isEmpty()) {
			parts.add(videoPrefix + texts.text("campaign.rules.aspect",
					join(media.aspectRatios(), CategoryRules.AspectRatio::label, texts.text("campaign.rules.or"))));
		}
		if (media.minAudioBitRateKbps() != null && media.minAudioSampleRateHz() != null) {
			parts.add(texts.text("campaign.rules.audio", media.minAudioBitRateKbps(),
					new java.math.BigDecimal(media.minAudioSampleRateHz()).movePointLeft(3)
						.stripTrailingZeros()
						.toPlainString()));
		}
		return parts;
	}

	private String describe(TextField field) {
		List<String> parts = new ArrayList<>();
		if (field.maxCharacters() != null) {
			parts.add(texts.text("campaign.rules.maxCharacters", field.maxCharacters()));
		}
		if (!field.sections().isEmpty()) {
			parts.add(texts.text("campaign.rules.sections",
					String.join(texts.text("common.listSeparator"), field.sections())));
		}
		if (parts.isEmpty()) {
			parts.add(texts.text("campaign.rules.textFree"));
		}
		String label = field.required() ? field.label() : field.label() + texts.text("campaign.rules.optional");
		return texts.text("campaign.rules.labelled", label, String.join(texts.text("common.clauseSeparator"), parts));
	}

	/** 30 → 30秒, 300 → 5分钟, 90 → 1分30秒. */
	public String duration(int seconds) {
		int minutes = seconds / 60;
		int rest = seconds % 60;
		if (minutes == 0) {
			return texts.text("campaign.duration.seconds", rest);
		}
		return rest == 0 ? texts.text("campaign.duration.minutes", minutes)
				: texts.text("campaign.duration.minutesSeconds", minutes, rest);
	}

	private String kinds(List<OrganisationKind> kinds) {
		return join(kinds, kind -> texts.text("campaign.orgkind." + kind.name()), texts.text("common.commaSeparator"));
	}

	private static <T> String join(List<T> values, Function<T, String> label, String separator) {
		return values.stream().map(label).collect(Collectors.joining(separator));
	}

}
