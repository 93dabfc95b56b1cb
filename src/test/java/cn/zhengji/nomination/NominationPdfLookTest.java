package cn.zhengji.nomination;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhengji.support.ZhengjiTest;

@ZhengjiTest
class NominationPdfLookTest {
	@Autowired NominationDocuments documents;
	@Test
	void write() throws Exception {
		Files.createDirectories(Path.of("target/nomination"));
		Files.write(Path.of("target/nomination/complete.pdf"), documents.pdf(SheetSamples.complete()));
		Files.write(Path.of("target/nomination/long.pdf"), documents.pdf(SheetSamples.longTexts()));
		Files.write(Path.of("target/nomination/empty.pdf"), documents.pdf(SheetSamples.withoutOpinions()));
		Files.write(Path.of("target/nomination/complete.docx"), documents.word(SheetSamples.complete()));
		Files.write(Path.of("target/nomination/long.docx"), documents.word(SheetSamples.longTexts()));
	}
}
