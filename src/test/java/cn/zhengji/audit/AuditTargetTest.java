package cn.zhengji.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every target type the code records has a Chinese name on the audit pages: the literals
 * that follow an {@link AuditAction} in a call, the {@code TARGET} constants, the types
 * of refused looks ({@code NotVisibleException.visible}) and the exported lists.
 */
class AuditTargetTest {

	private static final Pattern AFTER_ACTION = Pattern.compile("AuditAction\\.\\w+,\\s*\"([a-z_-]+)\"");

	private static final Pattern CONSTANT = Pattern.compile("TARGET\\s*=\\s*\"([a-z_-]+)\"");

	private static final Pattern REFUSED = Pattern
		.compile("NotVisibleException\\.visible\\([^;]*?,\\s*\"([a-z_-]+)\",\\s*\\w+\\)", Pattern.DOTALL);

	@Test
	void everyRecordedTargetTypeHasAChineseName() throws IOException {
		Set<String> recorded = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				for (Pattern pattern : new Pattern[] { AFTER_ACTION, CONSTANT, REFUSED }) {
					Matcher matcher = pattern.matcher(source);
					while (matcher.find()) {
						recorded.add(matcher.group(1));
					}
				}
			}
		}
		for (ExportedList list : ExportedList.values()) {
			recorded.add(list.targetType());
		}

		assertThat(recorded).contains("entry", "organisation", "stored-file", "offline_event", "entry-list");
		assertThat(recorded).allSatisfy(code -> assertThat(AuditTarget.ofCode(code)).as(code).isPresent());
	}

}
