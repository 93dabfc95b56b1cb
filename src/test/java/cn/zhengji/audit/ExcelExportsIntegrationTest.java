package cn.zhengji.audit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.ZhengjiTest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZhengjiTest
class ExcelExportsIntegrationTest {

	@Autowired
	ExcelExports exports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCompletedDownloadIsAuditedWithItsRowsAndFilter() throws Exception {
		String title = "导出测试" + System.nanoTime();
		MockHttpServletResponse response = new MockHttpServletResponse();

		long rows = exports.download(response, new ExcelExports.Export(ExportedList.ENTRIES, title, "表",
				List.of("编号", "名称"), "/1/", Map.of("text", "甲")), sheet -> {
					sheet.row(1, "甲");
					sheet.row(2, "乙");
				});

		assertThat(rows).isEqualTo(2);
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(Spreadsheets.rows(response.getContentAsByteArray())).containsExactly(List.of("编号", "名称"),
				List.of("1", "甲"), List.of("2", "乙"));
		assertThat(audited(title)).containsExactly("entry-list||导出" + title
				+ "（2行）|/1/|{\"rows\": 2, \"filter\": {\"text\": \"甲\"}, \"completed\": true}");
	}

	@Test
	void aDownloadTheClientBreaksOffIsAuditedWithTheRowsWrittenSoFar() {
		String title = "中断测试" + System.nanoTime();
		MockHttpServletResponse response = new BreakingResponse(20_000);

		assertThatThrownBy(() -> exports.download(response,
				new ExcelExports.Export(ExportedList.ACCOUNTS, title, "表", List.of("编号", "名称"), "/1/", null), sheet -> {
					for (int i = 0; i < 100_000; i++) {
						sheet.row(i, "第" + i + "行的一段足够长的文字，让工作表很快超过中断的字节数");
					}
				}))
			.isInstanceOf(IOException.class);

		List<Map<String, Object>> events = jdbc
			.sql("""
					select summary, (after_state ->> 'rows')::bigint as rows, (after_state ->> 'completed')::boolean as completed
					from audit_event where action = 'EXPORTED' and target_type = 'account-list' and summary like ?
					""")
			.param("导出" + title + "%")
			.query()
			.listOfRows();
		assertThat(events).hasSize(1);
		long rows = (Long) events.getFirst().get("rows");
		// The sheet goes out every 10 000 rows: the break shows at a flush, with the rows
		// written before it.
		assertThat(rows).isPositive().isLessThan(100_000).isEqualTo(rows / 10_000 * 10_000);
		assertThat(events.getFirst()).containsEntry("completed", false)
			.containsEntry("summary", "导出" + title + "（" + rows + "行）");
	}

	@Test
	void aDownloadWithPersonalDataInFullIsOneViewOfPersonalDataWithItsPurposeAndPeopleEvenWhenBrokenOff() {
		String title = "完整信息中断测试" + System.nanoTime();
		MockHttpServletResponse response = new BreakingResponse(20_000);

		assertThatThrownBy(() -> exports.downloadWithPersonalData(response,
				new ExcelExports.Export(ExportedList.ENTRIES, title, "表", List.of("编号", "手机号"), "/1/", null), "核对",
				(sheet, personShownInFull) -> {
					for (int i = 0; i < 100_000; i++) {
						sheet.row(i, "1390000" + i + "，一段足够长的文字，让工作表很快超过中断的字节数");
						personShownInFull.run();
					}
				}))
			.isInstanceOf(IOException.class);

		List<Map<String, Object>> events = jdbc
			.sql("""
					select action, summary, (after_state ->> 'rows')::bigint as rows, (after_state ->> 'people')::bigint as people,
					       after_state ->> 'purpose' as purpose, (after_state ->> 'completed')::boolean as completed
					from audit_event where target_type = 'entry-list' and summary like ?
					""")
			.param("导出" + title + "%")
			.query()
			.listOfRows();
		assertThat(events).hasSize(1);
		Map<String, Object> event = events.getFirst();
		long rows = (Long) event.get("rows");
		long people = (Long) event.get("people");
		assertThat(rows).isPositive().isLessThan(100_000);
		assertThat(people).isBetween(rows - 1, rows);
		assertThat(event).containsEntry("action", "VIEWED_PERSONAL_DATA")
			.containsEntry("purpose", "核对")
			.containsEntry("completed", false)
			.containsEntry("summary", "导出" + title + "（" + rows + "行，含" + people + "人的完整个人信息），用途：核对");
	}

	@Test
	void noPurposeNoFileWithPersonalDataInFull() {
		String title = "无用途测试" + System.nanoTime();
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatThrownBy(() -> exports.downloadWithPersonalData(response,
				new ExcelExports.Export(ExportedList.ENTRIES, title, "表", List.of("编号"), "/1/", null), "  ",
				(sheet, personShownInFull) -> sheet.row(1)))
			.isInstanceOf(IllegalArgumentException.class);

		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where summary like ?")
			.param("导出" + title + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private List<String> audited(String title) {
		return jdbc.sql("""
				select target_type || '|' || coalesce(target_id, '') || '|' || summary || '|' || organisation_path
				    || '|' || after_state::text
				from audit_event where action = 'EXPORTED' and summary like ?
				""").param("导出" + title + "%").query(String.class).list();
	}

	/**
	 * A client that goes away after so many bytes: the next write fails as a reset
	 * connection does.
	 */
	private static final class BreakingResponse extends MockHttpServletResponse {

		private final long limit;

		private long written;

		BreakingResponse(long limit) {
			this.limit = limit;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {

				@Override
				public void write(int b) throws IOException {
					if (++written > limit) {
						throw new IOException("Connection reset by peer");
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}
			};
		}

	}

}
