package cn.zhengji.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import cn.zhengji.campaign.Rubric;
import cn.zhengji.campaign.RubricCriterion;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows a test scenery writes directly, where going through the application would only
 * repeat what other tests already prove (an upload finished through tus, an expert's
 * sheet filled in on the page): a stored file, an attachment, a score sheet.
 */
public final class SceneryRows {

	private SceneryRows() {
	}

	/**
	 * The bytes as a completed upload under the data folder, as
	 * {@code files.LocalFileStorage} lays them out.
	 * @return the stored file's id
	 */
	public static UUID storedFile(JdbcClient jdbc, Path dataDir, long ownerAccountId, String fileName, byte[] bytes) {
		UUID id = UUID.randomUUID();
		String key = id.toString();
		Path file = dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdbc.sql("""
				insert into stored_file (id, owner_account_id, organisation_path, file_name, storage_key, upload_length,
				    upload_offset, sha256, created_at, expires_at, completed_at)
				values (?, ?, '/1/', ?, ?, ?, ?, ?, now(), now() + interval '1 day', now())
				""").params(id, ownerAccountId, fileName, key, bytes.length, bytes.length, sha256(bytes)).update();
		return id;
	}

	/**
	 * An assignment and a submitted sheet whose total is split greedily over the rubric's
	 * criteria in their order.
	 */
	public static void scoreSheet(JdbcClient jdbc, Rubric rubric, long roundId, long entryId, long expertId,
			int total) {
		jdbc.sql("""
				insert into review_assignment (round_id, entry_id, expert_id, origin, created_at)
				values (?, ?, ?, 'MANUAL', now())
				on conflict on constraint review_assignment_uq do nothing
				""").params(roundId, entryId, expertId).update();
		long sheetId = jdbc.sql(
				"insert into review_sheet (round_id, entry_id, expert_id, updated_at) values (?, ?, ?, now()) returning id")
			.params(roundId, entryId, expertId)
			.query(Long.class)
			.single();
		int left = total;
		for (RubricCriterion criterion : rubric.criteria()) {
			int points = Math.min(criterion.maxPoints(), left);
			left -= points;
			jdbc.sql("insert into review_score (sheet_id, criterion_id, points) values (?, ?, ?)")
				.params(sheetId, criterion.id(), points)
				.update();
		}
	}

	/**
	 * A round scored by every expert: the i-th work gets {@code totals[i]} from the first
	 * expert and one point less from each further one (so the ranking is clear); works
	 * beyond {@code totals} are not in the round.
	 */
	public static void scoreRound(JdbcClient jdbc, Rubric rubric, long roundId, long[] works, long[] experts,
			int[] totals) {
		for (int e = 0; e < experts.length; e++) {
			for (int w = 0; w < totals.length; w++) {
				scoreSheet(jdbc, rubric, roundId, works[w], experts[e], totals[w] - e);
			}
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
