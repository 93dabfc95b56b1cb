package cn.zhengji.campaign;

import java.util.List;
import java.util.Optional;

import cn.zhengji.organisation.OrganisationKind;

/**
 * R-CAM-4 Every rule of a category as data, stored as jsonb
 * ({@code campaign_category.rules}). Upload checks (R-SUB-3), recommendation quotas
 * (R-APR-1) and review checklists (R-REV) read these values; nothing about a category is
 * hard-wired in code. Lists are never null.
 *
 * @param submitters who may submit a work in this category
 * @param submittingOrganisationKinds which kinds of union organisation may submit as an
 * organisation (when {@link SubmitterKind#UNION_ORGANISATION} is allowed)
 * @param recommendingOrganisationKinds which kinds of union organisation may recommend
 * works or candidates
 * @param multipleWorksPerPerson whether one person may submit several works
 * @param attachments the files a work consists of
 * @param textFields the texts a work consists of
 * @param alternatives groups of parts of which at least one must be complete (e.g. 图文 or
 * 视频)
 * @param judgements what reviewers must judge because a machine cannot (R-SUB-3)
 * @param quotas how many works each recommending unit may send up
 * @param nominationForm whether a candidate nomination form (附件4, R-NOM) belongs to each
 * entry
 */
public record CategoryRules(List<SubmitterKind> submitters, List<OrganisationKind> submittingOrganisationKinds,
		List<OrganisationKind> recommendingOrganisationKinds, boolean multipleWorksPerPerson,
		List<AttachmentSlot> attachments, List<TextField> textFields, List<Alternative> alternatives,
		List<Judgement> judgements, List<Quota> quotas, boolean nominationForm) {

	public CategoryRules {
		submitters = listOf(submitters);
		submittingOrganisationKinds = listOf(submittingOrganisationKinds);
		recommendingOrganisationKinds = listOf(recommendingOrganisationKinds);
		attachments = listOf(attachments);
		textFields = listOf(textFields);
		alternatives = listOf(alternatives);
		judgements = listOf(judgements);
		quotas = listOf(quotas);
	}

	/**
	 * Rules of a category whose details are published elsewhere (national sub-projects).
	 */
	public static CategoryRules none() {
		return new CategoryRules(null, null, null, false, null, null, null, null, null, false);
	}

	private static <T> List<T> listOf(List<T> list) {
		return list == null ? List.of() : List.copyOf(list);
	}

	public Optional<AttachmentSlot> attachment(String key) {
		return attachments.stream().filter(slot -> slot.key().equals(key)).findFirst();
	}

	public Optional<TextField> textField(String key) {
		return textFields.stream().filter(field -> field.key().equals(key)).findFirst();
	}

	/**
	 * The slot that holds the work itself (audio or video), whose media rules an admin
	 * edits.
	 */
	public Optional<AttachmentSlot> primaryMediaSlot() {
		return attachments.stream().filter(slot -> slot.media() != null).findFirst();
	}

	/** The first slot taking only images (the score, the evidence pictures). */
	public Optional<AttachmentSlot> imageSlot() {
		return attachments.stream()
			.filter(slot -> !slot.accepted().isEmpty() && slot.accepted().stream().allMatch(FileKind::isImage))
			.findFirst();
	}

	/** The first text with a length limit. */
	public Optional<TextField> limitedTextField() {
		return textFields.stream().filter(field -> field.maxCharacters() != null).findFirst();
	}

	public boolean allowsJudgement(JudgementKind kind) {
		return judgements.stream().anyMatch(judgement -> judgement.kind() == kind);
	}

	/** The quota that applies to a recommending unit of this kind, if any. */
	public Optional<Quota> quotaFor(OrganisationKind kind) {
		return quotas.stream().filter(quota -> quota.recommendingKinds().contains(kind)).findFirst();
	}

	public CategoryRules withAttachments(List<AttachmentSlot> newAttachments) {
		return new CategoryRules(submitters, submittingOrganisationKinds, recommendingOrganisationKinds,
				multipleWorksPerPerson, newAttachments, textFields, alternatives, judgements, quotas, nominationForm);
	}

	public CategoryRules withTextFields(List<TextField> newTextFields) {
		return new CategoryRules(submitters, submittingOrganisationKinds, recommendingOrganisationKinds,
				multipleWorksPerPerson, attachments, newTextFields, alternatives, judgements, quotas, nominationForm);
	}

	public CategoryRules withQuotas(List<Quota> newQuotas) {
		return new CategoryRules(submitters, submittingOrganisationKinds, recommendingOrganisationKinds,
				multipleWorksPerPerson, attachments, textFields, alternatives, judgements, newQuotas, nominationForm);
	}

	/** Who submits a work. */
	public enum SubmitterKind {

		/** 职工 as an individual. */
		WORKER,
		/** 专兼职工会干部. */
		UNION_CADRE,
		/** 社会化工会工作者. */
		SOCIAL_UNION_WORKER,
		/** A union organisation (申报单位). */
		UNION_ORGANISATION

	}

	/**
	 * A kind of file by its real format (the upload check looks at the content, not the
	 * name).
	 */
	public enum FileKind {

		MP3("mp3"), MP4("mp4"), JPG("jpg", "jpeg"), PNG("png"), PPT("ppt"), PPTX("pptx"), PDF("pdf"), DOC("doc"),
		DOCX("docx"), XLS("xls"), XLSX("xlsx"), ZIP("zip");

		private final List<String> extensions;

		FileKind(String... extensions) {
			this.extensions = List.of(extensions);
		}

		public List<String> extensions() {
			return extensions;
		}

		public boolean isImage() {
			return this == JPG || this == PNG;
		}

		public boolean isVideo() {
			return this == MP4;
		}

		public boolean isAudio() {
			return this == MP3;
		}

	}

	/** Frame sizes accepted as 1080P. */
	public enum Resolution {

		FHD_LANDSCAPE(1920, 1080), FHD_PORTRAIT(1080, 1920);

		private final int width;

		private final int height;

		Resolution(int width, int height) {
			this.width = width;
			this.height = height;
		}

		public int width() {
			return width;
		}

		public int height() {
			return height;
		}

	}

	public enum AspectRatio {

		LANDSCAPE_16_9(16, 9), PORTRAIT_9_16(9, 16);

		private final int width;

		private final int height;

		AspectRatio(int width, int height) {
			this.width = width;
			this.height = height;
		}

		public int width() {
			return width;
		}

		public int height() {
			return height;
		}

		public String label() {
			return width + ":" + height;
		}

	}

	/**
	 * One kind of file a work consists of.
	 *
	 * @param key stable identifier used by submissions (e.g. {@code work}, {@code score})
	 * @param label Chinese label shown to submitters
	 * @param maxCount null = no upper limit
	 * @param maxFileSizeMb null = the platform's general limit
	 * @param media duration/picture/sound rules for audio and video, null for other files
	 * @param internal issue 13: files for the review only (证明材料 and the like), never
	 * shown in the public showcase
	 */
	public record AttachmentSlot(String key, String label, boolean required, List<FileKind> accepted, int minCount,
			Integer maxCount, Integer maxFileSizeMb, MediaRules media, boolean internal) {

		public AttachmentSlot {
			accepted = accepted == null ? List.of() : List.copyOf(accepted);
		}

		/** A slot whose files may be shown in public once the work is (not internal). */
		public AttachmentSlot(String key, String label, boolean required, List<FileKind> accepted, int minCount,
				Integer maxCount, Integer maxFileSizeMb, MediaRules media) {
			this(key, label, required, accepted, minCount, maxCount, maxFileSizeMb, media, false);
		}

		public boolean accepts(FileKind kind) {
			return accepted.contains(kind);
		}

		public AttachmentSlot with(int newMinCount, Integer newMaxFileSizeMb, MediaRules newMedia) {
			return new AttachmentSlot(key, label, required, accepted, newMinCount, maxCount, newMaxFileSizeMb, newMedia,
					internal);
		}
	}

	/**
	 * Rules for an audio or video file. Video rules (resolution, aspect ratio) apply to
	 * video files, audio rules (bit rate, sample rate) to audio files and the sound track
	 * of videos.
	 *
	 * @param durationAdvisory true where the notice says "一般" or "为宜": exceeding the
	 * bound is flagged for reviewers instead of rejected
	 * @param minAudioBitRateKbps "音质清晰" made measurable
	 * @param minAudioSampleRateHz "音质清晰" made measurable
	 */
	public record MediaRules(Integer minDurationSeconds, Integer maxDurationSeconds, boolean durationAdvisory,
			List<Resolution> resolutions, List<AspectRatio> aspectRatios, Integer minAudioBitRateKbps,
			Integer minAudioSampleRateHz) {

		public MediaRules {
			resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
			aspectRatios = aspectRatios == null ? List.of() : List.copyOf(aspectRatios);
		}

		public MediaRules withDurations(Integer newMin, Integer newMax) {
			return new MediaRules(newMin, newMax, durationAdvisory, resolutions, aspectRatios, minAudioBitRateKbps,
					minAudioSampleRateHz);
		}
	}

	/**
	 * A text a work consists of.
	 *
	 * @param maxCharacters null = no limit
	 * @param sections what the text must cover (需求与方案, 产品设计, ... or the five dimensions)
	 */
	public record TextField(String key, String label, Integer maxCharacters, boolean required, List<String> sections) {

		public TextField {
			sections = sections == null ? List.of() : List.copyOf(sections);
		}

		public TextField withMaxCharacters(Integer newMax) {
			return new TextField(key, label, newMax, required, sections);
		}
	}

	/**
	 * A way of providing evidence: a work must complete at least one alternative of the
	 * category.
	 *
	 * @param parts keys of attachment slots and text fields
	 */
	public record Alternative(String key, String label, List<String> parts) {

		public Alternative {
			parts = parts == null ? List.of() : List.copyOf(parts);
		}
	}

	/**
	 * A check a reviewer makes by looking (R-SUB-3).
	 *
	 * @param mandatory false where the notice only prefers it ("最好为近两年内创作")
	 */
	public record Judgement(JudgementKind kind, boolean mandatory) {
	}

	/** Things only a person can judge. */
	public enum JudgementKind {

		/** 无水印. */
		WATERMARK,
		/** 片头字幕须有作品名称. */
		TITLE_IN_OPENING_CREDITS,
		/** 原创. */
		ORIGINALITY,
		/** 禁止由专业音乐人代为创作. */
		PROFESSIONAL_AUTHORSHIP,
		/** 近两年内创作. */
		CREATED_WITHIN_TWO_YEARS,
		/** 未在省级以上征集中获奖. */
		NOT_PREVIOUSLY_AWARDED,
		/** 音质清晰. */
		AUDIO_CLARITY,
		/** 画面清晰. */
		PICTURE_CLARITY,
		/** 材料反映系统真实情况. */
		REFLECTS_REAL_SYSTEM,
		/** 账号内容坚持正确导向、运营规范. */
		ACCOUNT_CONDUCT

	}

	/**
	 * How many works or candidates one recommending unit may send up.
	 *
	 * @param min null = no minimum
	 * @param max null = no maximum
	 */
	public record Quota(List<OrganisationKind> recommendingKinds, Integer min, Integer max) {

		public Quota {
			recommendingKinds = recommendingKinds == null ? List.of() : List.copyOf(recommendingKinds);
		}

		public Quota withMax(Integer newMax) {
			return new Quota(recommendingKinds, min, newMax);
		}
	}
}
