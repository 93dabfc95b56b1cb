package cn.zhengji.infrastructure.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CjkFontTest {

	@Test
	void aMissingFontIsNamedWithItsPropertyWhenAPdfIsWanted() {
		CjkFont font = new CjkFont(Path.of("/nonexistent/fonts/wqy-zenhei.ttc"));

		assertThatThrownBy(font::fontPath).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("zhengji.documents.cjk-font = /nonexistent/fonts/wqy-zenhei.ttc")
			.hasMessageContaining("fonts-wqy-zenhei");
	}

	@Test
	void aTrueTypeCollectionIsOpenedAtItsFirstFace() {
		assertThat(new CjkFont(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")).fontPath())
			.isEqualTo("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0");
	}

}
