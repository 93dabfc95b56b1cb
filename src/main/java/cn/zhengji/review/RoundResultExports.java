package cn.zhengji.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.audit.ExcelExports;
import cn.zhengji.audit.ExportedList;
import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.documents.CjkFont;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ReviewResults.Row;
import cn.zhengji.review.ReviewResults.ScoreFigures;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import cn.zhengji.submission.ReviewedWork;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 7: a round's ranking to take away — the Excel list of every ranked and
 * unscored work with its figures, and a printable PDF of the ranking with the panel's
 * signature lines (评审组长, 评审专家, 日期), in the platform's Chinese font ({@link CjkFont}).
 * Both for the campaign's admins only (else 404) and both audited as EXPORTED of the list
 * {@link ExportedList#REVIEW_RANKING} (the Excel one through {@link ExcelExports}).
 */
@Service
public class RoundResultExports {

	private static final float MARGIN = 50;

	private static final float LINE = 18;

	private static final float TITLE_SIZE = 15;

	private static final float TEXT_SIZE = 10.5f;

	/** The columns of the PDF's table: rank, title, unit, figure, award. */
	private static final float[] COLUMNS = { 0, 40, 230, 395, 445 };

	private static final int TITLE_CHARS = 15;

	private static final int UNIT_CHARS = 13;

	private final ReviewRoundScope scope;

	private final RoundResults results;

	private final ExcelExports excelExports;

	private final AuditLog auditLog;

	private final Texts texts;

	private final CjkFont font;

	private final DisplayTimeZone displayTimeZone;

	private final java.time.Clock clock;

	RoundResultExports(ReviewRoundScope scope, RoundResults results, ExcelExports excelExports, AuditLog auditLog,
			Texts texts, CjkFont font, DisplayTimeZone displayTimeZone, java.time.Clock clock) {
		this.scope = scope;
		this.results = results;
		this.excelExports = excelExports;
		this.auditLog = auditLog;
		this.texts = texts;
		this.font = font;
		this.displayTimeZone = displayTimeZone;
		this.clock = clock;
	}

	/**
	 * Streams the ranking as Excel: one row per ranked work (rank, tie note, title, unit,
	 * scores count, raw mean, normalised figure, the vote columns when the round has
	 * them, the outlier flags, the level given), then the unscored works without rank.
	 */
	@Transactional(readOnly = true)
	public void excel(SignedInUser actor, long roundId, HttpServletResponse response) throws IOException {
		RoundContext round = scope.administered(actor, roundId);
		RoundResultsView view = results.view(round);
		List<String> headers = new ArrayList<>(List.of(texts.text("review.export.rank"),
				texts.text("review.export.tie"), texts.text("review.export.entryId"), texts.text("review.export.title"),
				texts.text("review.export.unit"), texts.text("review.export.scoreCount"),
				texts.text("review.export.rawMean"), texts.text("review.export.normalised")));
		if (view.voteColumn()) {
			headers.add(texts.text("review.export.votes"));
			headers.add(texts.text("review.export.combined"));
		}
		headers.add(texts.text("review.export.outliers"));
		headers.add(texts.text("review.export.award"));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("round", roundId);
		ExcelExports.Export export = new ExcelExports.Export(ExportedList.REVIEW_RANKING,
				texts.text("review.export.fileTitle", round.category().shortName(), round.round().name()),
				texts.text("review.export.rankingSheet"), headers, round.auditPath(), details);
		excelExports.download(response, export, (rows) -> {
			for (Row row : view.result().ranking()) {
				List<Object> cells = new ArrayList<>(List.of(row.rank(), tieNote(row), row.workId(),
						title(view, row.workId()), unit(view, row.workId()), row.figures().scoreCount(),
						ReviewResults.shown(row.figures().rawMean()), ReviewResults.shown(row.figures().normalised())));
				if (view.voteColumn()) {
					cells.add(row.figures().votes());
					cells.add(ReviewResults.shown(row.figures().figure()));
				}
				cells.add(outliers(view, row.workId()));
				cells.add(levelName(view, row.workId()));
				rows.row(cells.toArray());
			}
			for (long unscored : view.result().unscored()) {
				List<Object> cells = new ArrayList<>(List.of("", texts.text("review.export.unscored"), unscored,
						title(view, unscored), unit(view, unscored), 0, "", ""));
				if (view.voteColumn()) {
					cells.add("");
					cells.add("");
				}
				cells.add("");
				cells.add("");
				rows.row(cells.toArray());
			}
		});
	}

	/**
	 * The printable final ranking: title, the ranking with each work's figure and level,
	 * the formula and tie-break rules it was made by, and signature lines for the panel.
	 * Audited EXPORTED.
	 * @return the PDF's bytes
	 */
	@Transactional
	public byte[] pdf(SignedInUser actor, long roundId) {
		RoundContext round = scope.administered(actor, roundId);
		RoundResultsView view = results.view(round);
		byte[] bytes = render(view);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("filter", Map.of("round", roundId, "format", "pdf"));
		after.put("rows", view.result().ranking().size());
		after.put("completed", true);
		auditLog.recordChange(AuditAction.EXPORTED, ExportedList.REVIEW_RANKING.targetType(), null, round.auditPath(),
				texts.text("audit.export.summary",
						texts.text("review.export.pdfTitle", round.category().shortName(), round.round().name()),
						view.result().ranking().size()),
				null, after);
		return bytes;
	}

	private byte[] render(RoundResultsView view) {
		try (TrueTypeCollection collection = new TrueTypeCollection(font.path().toFile());
				PDDocument document = new PDDocument()) {
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts((candidate) -> {
				if (first[0] == null) {
					first[0] = candidate;
				}
			});
			PDFont cjk = PDType0Font.load(document, first[0], true);
			Pages pages = new Pages(document, cjk);
			pages.line(texts.text("review.pdf.heading", view.campaign().shortTitle(), view.category().name(),
					view.round().name()), TITLE_SIZE);
			pages.line(view.locked() ? texts.text("review.pdf.locked", date(view.lockedAt()))
					: texts.text("review.pdf.notLocked"), TEXT_SIZE);
			pages.gap();
			pages.row(TEXT_SIZE, texts.text("review.export.rank"), texts.text("review.export.title"),
					texts.text("review.export.unit"),
					texts.text(view.voteColumn() ? "review.export.combined" : "review.pdf.figure"),
					texts.text("review.export.award"));
			for (Row row : view.result().ranking()) {
				pages.row(TEXT_SIZE, (row.tied() ? texts.text("review.pdf.tiedRank", row.rank()) : row.rank()),
						cut(title(view, row.workId()), TITLE_CHARS), cut(unit(view, row.workId()), UNIT_CHARS),
						ReviewResults.shown(row.figures().figure()).toPlainString(), levelName(view, row.workId()));
			}
			pages.gap();
			pages.line(texts.text("review.pdf.rules",
					view.tieBreaks()
						.stream()
						.map((tieBreak) -> texts.text(tieBreak.messageKey()))
						.collect(Collectors.joining(texts.text("review.pdf.ruleSeparator")))),
					TEXT_SIZE);
			pages.gap();
			pages.line(texts.text("review.pdf.leader"), TEXT_SIZE);
			pages.gap();
			pages.line(texts.text("review.pdf.experts"), TEXT_SIZE);
			pages.gap();
			pages.line(texts.text("review.pdf.date"), TEXT_SIZE);
			pages.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the ranking PDF of round " + view.round().id(), ex);
		}
	}

	private String date(java.time.Instant instant) {
		return LocalDate.ofInstant(instant, displayTimeZone.zone()).toString();
	}

	private String tieNote(Row row) {
		if (row.decidedBy() != null) {
			return texts.text(Row.DECIDED_BY_KEY, texts.text(row.decidedBy().messageKey()));
		}
		return row.tied() ? texts.text(Row.TIED_KEY) : "";
	}

	private String outliers(RoundResultsView view, long workId) {
		BigDecimal threshold = view.result().outlierThreshold();
		return view.result()
			.outliers()
			.stream()
			.filter((score) -> score.workId() == workId)
			.map((ScoreFigures score) -> texts.text(ScoreFigures.OUTLIER_KEY, score.messageArguments(threshold)))
			.collect(Collectors.joining(texts.text("review.pdf.ruleSeparator")));
	}

	private static String title(RoundResultsView view, long workId) {
		ReviewedWork work = view.work(workId);
		return (work != null) ? work.title() : String.valueOf(workId);
	}

	private static String unit(RoundResultsView view, long workId) {
		ReviewedWork work = view.work(workId);
		return (work != null) ? work.organisationName() : "";
	}

	private String levelName(RoundResultsView view, long workId) {
		String level = view.awardOf(workId);
		return (level != null) ? view.levelName(level) : "";
	}

	private static String cut(String text, int characters) {
		return (text.codePointCount(0, text.length()) <= characters) ? text
				: text.substring(0, text.offsetByCodePoints(0, characters - 1)) + "…";
	}

	/** Lines down A4 pages, a new page when one is full. */
	private static final class Pages {

		private final PDDocument document;

		private final PDFont font;

		private PDPageContentStream stream;

		private float y;

		Pages(PDDocument document, PDFont font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		void line(String text, float size) throws IOException {
			room(size);
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(MARGIN, y);
			stream.showText(text);
			stream.endText();
			y -= size + 8;
		}

		void row(float size, Object... cells) throws IOException {
			room(size);
			for (int i = 0; i < cells.length; i++) {
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(MARGIN + COLUMNS[i], y);
				stream.showText(String.valueOf(cells[i]));
				stream.endText();
			}
			y -= LINE;
		}

		void gap() {
			y -= LINE / 2;
		}

		private void room(float size) throws IOException {
			if (y - size < MARGIN) {
				newPage();
			}
		}

		private void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}

		void close() throws IOException {
			if (stream != null) {
				stream.close();
				stream = null;
			}
		}

	}

}
