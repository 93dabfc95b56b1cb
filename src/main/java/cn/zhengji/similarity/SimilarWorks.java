package cn.zhengji.similarity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.submission.ComparedEntries;
import cn.zhengji.submission.ComparedEntries.ComparedEntry;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 15 item 2, what the pages ask: the other entries found alike to an entry, with
 * what the approvers and the review admin need to judge it, and the frames to show side
 * by side. Not scoped to a viewer: the caller shows an entry's matches only to those who
 * may read the entry (its approvers, the campaign's review admin), and to its submitter
 * only the matches with {@link SimilarWork#sameOwner()} (the neutral notice).
 */
@Component
public class SimilarWorks {

	private final FingerprintRecords records;

	private final FingerprintJob job;

	private final ComparedEntries comparedEntries;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final AwardedLevels awardedLevels;

	SimilarWorks(FingerprintRecords records, FingerprintJob job, ComparedEntries comparedEntries, Campaigns campaigns,
			Organisations organisations, AwardedLevels awardedLevels) {
		this.records = records;
		this.job = job;
		this.comparedEntries = comparedEntries;
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.awardedLevels = awardedLevels;
	}

	/**
	 * The matches of an entry, most similar first: one per (file of the entry, file of
	 * the other entry, kind); an exact copy is listed once, as EXACT. Empty for an entry
	 * without any.
	 */
	@Transactional(readOnly = true)
	public List<SimilarWork> of(long entryId) {
		List<Match> matches = records.matchesOf(entryId);
		if (matches.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new HashSet<>();
		ids.add(entryId);
		matches.forEach((match) -> ids.add(match.otherEntryId()));
		Map<Long, ComparedEntry> entries = comparedEntries.of(ids);
		Map<Long, AwardedLevel> awards = awardedLevels.of(ids);
		Map<Long, Organisation> cities = cityUnits(entries.values());
		Set<Long> sourceIds = new HashSet<>();
		matches.forEach((match) -> {
			sourceIds.add(match.sourceId());
			sourceIds.add(match.otherSourceId());
		});
		Map<Long, Source> sources = new HashMap<>();
		records.sources(sourceIds).forEach((source) -> sources.put(source.id(), source));
		Map<Long, Optional<Campaign>> campaignCache = new HashMap<>();
		Map<Long, Optional<Category>> categoryCache = new HashMap<>();
		ComparedEntry mine = entries.get(entryId);
		List<SimilarWork> works = new ArrayList<>();
		for (Match match : matches) {
			ComparedEntry other = entries.get(match.otherEntryId());
			if (other == null) {
				continue;
			}
			Optional<Campaign> campaign = campaignCache.computeIfAbsent(other.campaignId(), campaigns::findById);
			Optional<Category> category = categoryCache.computeIfAbsent(other.categoryId(), campaigns::findCategory);
			Organisation city = cities.get(other.id());
			AwardedLevel award = awards.get(other.id());
			Source source = sources.get(match.sourceId());
			Source otherSource = sources.get(match.otherSourceId());
			SimilarWork.Segment segment = match.startMs() == null ? null
					: new SimilarWork.Segment(match.startMs() / 1000.0, match.endMs() / 1000.0,
							match.otherStartMs() / 1000.0, match.otherEndMs() / 1000.0);
			works.add(new SimilarWork(entryId, source == null ? null : source.attachmentId(), other.id(),
					otherSource == null ? null : otherSource.attachmentId(), other.title(),
					campaign.map(Campaign::year).orElse(0), campaign.map(Campaign::title).orElse(""),
					category.map(Category::name).orElse(""), city == null ? other.organisationName() : city.name(),
					award == null ? null : award.levelName(), other.state(), match.kind(), match.similarity(), segment,
					match.frameMs(), match.otherFrameMs(), mine != null && mine.ownerKey().equals(other.ownerKey())));
		}
		return works;
	}

	/**
	 * How many other entries match each of the given entries, in one query, for lists
	 * (entries without a match are missing).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> matchCounts(Collection<Long> entryIds) {
		return records.matchCounts(entryIds);
	}

	/**
	 * A frame of an entry's video file near {@code atMs} as a JPEG (at most 640 px wide),
	 * extracted on demand with FFmpeg, for the side-by-side frames of a match; for an
	 * image file, the image itself as a JPEG. Empty when the attachment has no source of
	 * that entry or the frame cannot be read. Not scoped: see the class.
	 */
	public Optional<byte[]> frameJpeg(long entryId, long attachmentId, long atMs) {
		Optional<Source> found = records.sourceOfAttachment(attachmentId)
			.filter((source) -> source.entryId() == entryId && source.fileId() != null);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Source source = found.get();
		try {
			Path file = job.localFile(source);
			BufferedImage image = "IMAGE".equals(source.kind()) ? ImageIO.read(file.toFile()) : frameAt(file, atMs);
			if (image == null) {
				return Optional.empty();
			}
			return Optional.of(jpeg(image));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static BufferedImage frameAt(Path file, long atMs) throws IOException {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.start();
			if (grabber.getImageWidth() > 640) {
				int height = (int) Math.round(grabber.getImageHeight() * 640.0 / grabber.getImageWidth());
				grabber.stop();
				grabber.setImageWidth(640);
				grabber.setImageHeight(Math.max(2, height - height % 2));
				grabber.start();
			}
			grabber.setVideoTimestamp(Math.max(0, atMs) * 1000);
			Frame frame = grabber.grabImage();
			BufferedImage image = frame == null ? null : copy(converter.convert(frame));
			grabber.stop();
			return image;
		}
		catch (FrameGrabber.Exception ex) {
			return null;
		}
	}

	private static BufferedImage copy(BufferedImage image) {
		if (image == null) {
			return null;
		}
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		copy.createGraphics().drawImage(image, 0, 0, null);
		return copy;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		BufferedImage rgb = image;
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			rgb = copy(image);
		}
		if (rgb.getWidth() > 640) {
			int height = (int) Math.round(rgb.getHeight() * 640.0 / rgb.getWidth());
			BufferedImage small = new BufferedImage(640, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = small.createGraphics();
			g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
					java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(rgb, 0, 0, 640, small.getHeight(), null);
			g.dispose();
			rgb = small;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(rgb, "jpg", out);
		return out.toByteArray();
	}

	/**
	 * For each entry, the city-level unit on its submitting unit's path, or the
	 * submitting unit where there is none; one query.
	 */
	private Map<Long, Organisation> cityUnits(Collection<ComparedEntry> entries) {
		Set<Long> ids = new HashSet<>();
		Map<Long, List<Long>> paths = new HashMap<>();
		for (ComparedEntry entry : entries) {
			List<Long> path = java.util.Arrays.stream(entry.organisationPath().split("/"))
				.filter((part) -> !part.isEmpty())
				.map(Long::valueOf)
				.toList();
			paths.put(entry.id(), path);
			ids.addAll(path);
			ids.add(entry.organisationId());
		}
		Map<Long, Organisation> found = organisations.byIds(ids);
		Map<Long, Organisation> units = new HashMap<>();
		for (ComparedEntry entry : entries) {
			paths.get(entry.id())
				.stream()
				.map(found::get)
				.filter((unit) -> unit != null && unit.kind() == OrganisationKind.CITY)
				.findFirst()
				.or(() -> Optional.ofNullable(found.get(entry.organisationId())))
				.ifPresent((unit) -> units.put(entry.id(), unit));
		}
		return units;
	}

}
