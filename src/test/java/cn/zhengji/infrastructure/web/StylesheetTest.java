package cn.zhengji.infrastructure.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page style is one hand-written file merged from several features. A media query
 * left open once made every rule after it (the dashboard's cards among them) apply on
 * phones only; a rule that starts at the left margin must start at the top level.
 */
class StylesheetTest {

	private static final Path STYLESHEET = Path.of("src/main/resources/static/css/app.css");

	@Test
	void everyBlockIsClosedBeforeTheNextTopLevelRule() throws IOException {
		List<String> insideABlock = new ArrayList<>();
		int depth = 0;
		int lineNumber = 0;
		for (String line : Files.readAllLines(STYLESHEET)) {
			lineNumber++;
			String code = line.replaceAll("/\\*.*?\\*/", "");
			boolean startsAtTheMargin = !code.isBlank() && !Character.isWhitespace(code.charAt(0))
					&& code.charAt(0) != '}';
			if (startsAtTheMargin && depth > 0) {
				insideABlock.add(lineNumber + ": " + line);
			}
			depth += code.chars().filter(c -> c == '{').count() - code.chars().filter(c -> c == '}').count();
		}
		assertThat(insideABlock).as("top-level rules inside an unclosed block").isEmpty();
		assertThat(depth).as("unclosed blocks at the end").isZero();
	}

}
