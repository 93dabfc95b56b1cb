package cn.zhengji.media;

import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.infrastructure.text.CharacterCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAndCountChecksTest {

	final MediaInspector inspector = MediaInspectorTest.inspector();

	final TextField introduction = FujianRules.text("application-system", "introduction");

	@Test
	void chineseCharactersCountOneEachAndOverTheLimitFails() {
		assertThat(inspector.checkText("数".repeat(3012), introduction))
			.containsExactly(new Finding("text.length", Verdict.FAILED, "字数 3012 字，超过上限 3000 字"));
		assertThat(inspector.checkText("数".repeat(3000), introduction))
			.containsExactly(new Finding("text.length", Verdict.PASSED, "字数 3000 字，未超过上限 3000 字"));
	}

	@Test
	void lineBreaksAreNotCountedAndEmojiCountOnce() {
		assertThat(CharacterCount.of("需求与方案\r\n产品设计\n界面设计")).isEqualTo(13);
		assertThat(CharacterCount.of("工会👍 ok")).isEqualTo(6);
		assertThat(CharacterCount.of(null)).isZero();
	}

	@Test
	void fieldWithoutLimitYieldsNoFinding() {
		assertThat(inspector.checkText("任意长度", FujianRules.text("digital-union", "evidence"))).isEmpty();
	}

	@Test
	void imagesBelowTheMinimumFail() {
		AttachmentSlot images = FujianRules.slot("good-netizen", "evidence-images");

		assertThat(inspector.checkCount(2, images)).containsExactly(
				new Finding("count.min", Verdict.FAILED, "佐证图片 2 张，至少需要 3 张"),
				new Finding("count.max", Verdict.PASSED, "佐证图片 2 张，不超过 20 张"));
		assertThat(inspector.checkCount(21, images)).containsExactly(
				new Finding("count.min", Verdict.PASSED, "佐证图片 21 张，不少于 3 张"),
				new Finding("count.max", Verdict.FAILED, "佐证图片 21 张，最多 20 张"));
	}

	@Test
	void optionalSlotLeftEmptyIsNotHeldToItsMinimum() {
		AttachmentSlot images = FujianRules.slot("good-netizen", "evidence-images");

		assertThat(inspector.checkCount(0, images))
			.containsExactly(new Finding("count.max", Verdict.PASSED, "佐证图片 0 张，不超过 20 张"));
	}

	@Test
	void requiredSlotLeftEmptyFails() {
		assertThat(inspector.checkCount(0, FujianRules.slot("song", "score"))).first()
			.isEqualTo(new Finding("count.min", Verdict.FAILED, "完整歌谱（图片） 0 张，至少需要 1 张"));
	}

	@Test
	void durationsAreWrittenTheWayTheNoticeWritesThem() {
		assertThat(DurationText.of(MediaInspectorTest.texts(), 40)).isEqualTo("40秒");
		assertThat(DurationText.of(MediaInspectorTest.texts(), 360)).isEqualTo("6分钟");
		assertThat(DurationText.of(MediaInspectorTest.texts(), 372)).isEqualTo("6分12秒");
		assertThat(DurationText.of(MediaInspectorTest.texts(), 3605)).isEqualTo("1小时0分5秒");
		assertThat(DurationText.of(MediaInspectorTest.texts(), 0)).isEqualTo("0秒");
	}

}
