package cn.zhengji.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every statement on {@code video_evidence} and {@code video_evidence_image} (V147). Each
 * is one short statement; state changes are conditional on the state they leave.
 */
@Component
class EvidenceRecords {

	private final JdbcClient jdbc;

	EvidenceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A QUEUED row unless the attachment has one; whether this call inserted it. */
	boolean request(long attachmentId, long entryId, UUID sourceFileId, Instant now) {
		return jdbc.sql("""
				insert into video_evidence (attachment_id, entry_id, source_file_id, state, requested_at)
				values (:attachment, :entry, :source, 'QUEUED', :now)
				on conflict (attachment_id) do nothing
				""")
			.param("attachment", attachmentId)
			.param("entry", entryId)
			.param("source", sourceFileId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * QUEUED (or RUNNING, left by a node that died) → RUNNING: the source and the
	 * attempt.
	 */
	Optional<Started> start(long attachmentId) {
		return jdbc.sql("""
				update video_evidence set state = 'RUNNING', attempts = attempts + 1
				where attachment_id = ? and state in ('QUEUED', 'RUNNING')
				returning source_file_id, attempts
				""")
			.param(attachmentId)
			.query((rs, n) -> new Started(rs.getObject(1, UUID.class), rs.getInt(2)))
			.optional();
	}

	record Started(UUID sourceFileId, int attempt) {
	}

	record NewImage(String kind, Corner corner, int position, long atMillis, UUID fileId) {
	}

	/**
	 * RUNNING → READY with its images, in the caller's transaction; the watermark image
	 * is one of {@code images} (the index), or none.
	 */
	boolean ready(long attachmentId, long durationMillis, int samples, List<NewImage> images,
			WatermarkDetector.Finding finding, UUID watermarkFile, Instant now) {
		int changed = jdbc.sql("""
				update video_evidence set state = 'READY', duration_ms = :duration, corner_samples = :samples,
				       watermark_corner = :corner, watermark_frames = :frames, watermark_file_id = :file,
				       error_detail = null, finished_at = :now
				where attachment_id = :attachment and state = 'RUNNING'
				""")
			.param("duration", durationMillis)
			.param("samples", samples)
			.param("corner", finding == null ? null : finding.corner().name())
			.param("frames", finding == null ? null : finding.frames())
			.param("file", finding == null ? null : watermarkFile)
			.param("now", Timestamp.from(now))
			.param("attachment", attachmentId)
			.update();
		if (changed == 0) {
			return false;
		}
		for (NewImage image : images) {
			jdbc.sql("""
					insert into video_evidence_image (attachment_id, kind, corner, position, at_ms, file_id)
					values (:attachment, :kind, :corner, :position, :at, :file)
					""")
				.param("attachment", attachmentId)
				.param("kind", image.kind())
				.param("corner", image.corner() == null ? null : image.corner().name())
				.param("position", image.position())
				.param("at", image.atMillis())
				.param("file", image.fileId())
				.update();
		}
		return true;
	}

	/** A failed attempt: QUEUED again with the detail (a retry follows), or FAILED. */
	void failed(long attachmentId, String detail, boolean last, Instant now) {
		String text = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
		jdbc.sql(last ? """
				update video_evidence set state = 'FAILED', error_detail = :detail, finished_at = :now
				where attachment_id = :attachment and state = 'RUNNING'
				""" : """
				update video_evidence set state = 'QUEUED', error_detail = :detail
				where attachment_id = :attachment and state = 'RUNNING'
				""").param("detail", text).param("now", Timestamp.from(now)).param("attachment", attachmentId).update();
	}

	/** The rows QUEUED or RUNNING, oldest first (the sweep schedules them again). */
	List<Long> open(int limit) {
		return jdbc.sql("""
				select attachment_id from video_evidence where state in ('QUEUED', 'RUNNING')
				order by requested_at limit ?
				""").param(limit).query(Long.class).list();
	}

	/** The evidence of the entry's videos with their images, by attachment. */
	List<VideoEvidence> ofEntry(long entryId) {
		record Row(long attachmentId, String state, String corner, Integer frames, Integer samples, UUID file) {
		}
		List<Row> rows = jdbc.sql("""
				select attachment_id, state, watermark_corner, watermark_frames, corner_samples, watermark_file_id
				from video_evidence where entry_id = ? order by attachment_id
				""")
			.param(entryId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
					(Integer) rs.getObject(5), rs.getObject(6, UUID.class)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<EvidenceImage>> opening = new HashMap<>();
		Map<Long, List<EvidenceImage>> corners = new HashMap<>();
		Map<UUID, Long> idOfFile = new HashMap<>();
		jdbc.sql("""
				select i.id, i.attachment_id, i.kind, i.corner, i.at_ms, i.file_id
				from video_evidence_image i join video_evidence e on e.attachment_id = i.attachment_id
				where e.entry_id = ? order by i.attachment_id, i.kind, i.corner nulls first, i.position
				""").param(entryId).query((rs) -> {
			String corner = rs.getString(4);
			EvidenceImage image = new EvidenceImage(rs.getLong(1), rs.getLong(5),
					corner == null ? null : Corner.valueOf(corner));
			(rs.getString(3).equals("OPENING") ? opening : corners)
				.computeIfAbsent(rs.getLong(2), (key) -> new ArrayList<>())
				.add(image);
			idOfFile.put(rs.getObject(6, UUID.class), rs.getLong(1));
		});
		List<VideoEvidence> evidence = new ArrayList<>();
		for (Row row : rows) {
			List<EvidenceImage> cornerImages = new ArrayList<>(corners.getOrDefault(row.attachmentId(), List.of()));
			cornerImages.sort(java.util.Comparator.comparing(EvidenceImage::corner));
			Optional<WatermarkFlag> flag = Optional.empty();
			if (row.corner() != null) {
				// the crop is stored as an image of kind CORNER at position 1 of its
				// corner
				flag = Optional.of(new WatermarkFlag(Corner.valueOf(row.corner()), row.frames(), row.samples(),
						idOfFile.getOrDefault(row.file(), 0L)));
			}
			List<EvidenceImage> strips = cornerImages.stream()
				.filter((image) -> !idOfFile.getOrDefault(row.file(), -1L).equals(image.id()))
				.toList();
			evidence.add(new VideoEvidence(row.attachmentId(), entryId, VideoEvidence.State.valueOf(row.state()),
					List.copyOf(opening.getOrDefault(row.attachmentId(), List.of())), strips,
					row.samples() == null ? 0 : row.samples(), flag));
		}
		return evidence;
	}

	/** The stored file of an image of the entry's evidence. */
	Optional<ImageFile> image(long entryId, long imageId) {
		return jdbc.sql("""
				select i.attachment_id, i.file_id from video_evidence_image i
				join video_evidence e on e.attachment_id = i.attachment_id
				where i.id = ? and e.entry_id = ?
				""")
			.param(imageId)
			.param(entryId)
			.query((rs, n) -> new ImageFile(rs.getLong(1), rs.getObject(2, UUID.class)))
			.optional();
	}

	record ImageFile(long attachmentId, UUID fileId) {
	}

	/** The attachments of these entries that have a row (any state). */
	List<Long> requested(Collection<Long> attachmentIds) {
		if (attachmentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select attachment_id from video_evidence where attachment_id in (:ids)")
			.param("ids", attachmentIds)
			.query(Long.class)
			.list();
	}

}
