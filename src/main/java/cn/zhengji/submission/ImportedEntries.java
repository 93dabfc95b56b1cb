package cn.zhengji.submission;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.zhengji.files.StoredFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14 item 3 (R-CAM-5): the entries a national campaign received from a province's
 * hand-off package — what the hand-off's import needs to know of them. They are written
 * by {@link EntryLifecycle#importFromProvince} only (one writer per aggregate).
 */
@Service
@Transactional(readOnly = true)
public class ImportedEntries {

	/**
	 * The slot every imported file is kept in (the national sub-projects have no slots).
	 */
	public static final String SLOT = "imported";

	/**
	 * A work of a province's package, as its manifest describes it.
	 *
	 * @param sourceKey names the work in its package, unique per campaign (a second
	 * import of it creates nothing)
	 * @param packageName the package's file name, for the history
	 * @param province the province's name, for the history
	 * @param files its files, already stored, in package order
	 */
	public record ImportedWork(String sourceKey, long categoryId, String title, String author, String unitChain,
			String provinceCategory, String award, String note, String packageName, String province,
			List<StoredFile> files) {
	}

	private final JdbcClient jdbc;

	ImportedEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Of the given source keys, those the campaign imported already. */
	public Set<String> alreadyImported(long campaignId, Collection<String> sourceKeys) {
		if (sourceKeys.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select source_key from entry_import where campaign_id = :campaign
				and source_key = any(cast(:keys as text[]))
				""")
			.param("campaign", campaignId)
			.param("keys", sourceKeys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

}
