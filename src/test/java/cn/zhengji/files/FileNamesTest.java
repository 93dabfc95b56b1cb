package cn.zhengji.files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

	@ParameterizedTest
	@ValueSource(strings = { "作品.mp4", "a", "My Song (final) v2.MP3", "..mp4", "a..b.pptx", "证据 1.jpg" })
	void ordinaryNamesAreAccepted(String name) {
		assertThat(FileNames.problem(name)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "../a.mp4|files.name.path", "a/b.mp4|files.name.path", "a\\b.mp4|files.name.path",
					"..|files.name.path", ".|files.name.path", "a\u0000b|files.name.nul", "a\tb|files.name.control",
					"a\u007Fb|files.name.control", "a\u0085b|files.name.control", "a\u202Ab|files.name.direction",
					"a\u202Eb|files.name.direction", "a\u2066b|files.name.direction", "a\u2069b|files.name.direction",
					"a\u200Eb|files.name.direction", "a\u200Fb|files.name.direction", "' '|files.name.empty" })
	void hostileNamesAreRefusedWithTheirProblem(String name, String problem) {
		assertThat(FileNames.problem(name)).hasValue(problem);
	}

	@org.junit.jupiter.api.Test
	void lengthCountsCharactersNotBytes() {
		assertThat(FileNames.problem("作".repeat(255))).isEmpty();
		assertThat(FileNames.problem("作".repeat(256))).hasValue("files.name.too-long");
		assertThat(FileNames.problem("😀".repeat(255))).isEmpty();
		assertThat(FileNames.problem(null)).hasValue("files.name.empty");
		assertThat(FileNames.problem("")).hasValue("files.name.empty");
	}

}
