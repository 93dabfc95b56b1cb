package cn.zhengji.similarity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Introductions with one paragraph rewritten match; different introductions on the same
 * theme do not.
 */
class TextPrintTest {

	static final String FIRST = """
			本片记录了福州市鼓楼区一名社区网格员的一天。清晨六点，她骑着电动车穿过还未醒来的街巷，\
			挨家挨户查看独居老人的情况，为行动不便的老人送去药品和早餐。

			午后，社区里一处老旧水管突然爆裂，她第一时间联系物业和维修师傅，\
			又组织志愿者为受影响的住户送水，直到深夜管道修好才回家。镜头没有刻意渲染，\
			只用真实的声音和画面还原了基层工作的琐碎与温度。

			作品希望告诉观众：平凡的岗位同样能够传递正能量，每一份默默的坚守，\
			都是城市温暖的底色。全片时长四分三十秒，全部为原创拍摄。""";

	/** The second paragraph rewritten, the others kept. */
	static final String FIRST_WITH_A_PARAGRAPH_CHANGED = """
			本片记录了福州市鼓楼区一名社区网格员的一天。清晨六点，她骑着电动车穿过还未醒来的街巷，\
			挨家挨户查看独居老人的情况，为行动不便的老人送去药品和早餐。

			下午三点，一场突如其来的暴雨让小区的地下车库开始积水，她带着几名居民搬沙袋、\
			挪车辆，一直忙到雨停，又挨个给车主打电话报平安。这些画面都是同事用手机随手拍下的。

			作品希望告诉观众：平凡的岗位同样能够传递正能量，每一份默默的坚守，\
			都是城市温暖的底色。全片时长四分三十秒，全部为原创拍摄。""";

	static final String SAME_THEME = """
			这部微视频讲述了一位乡村教师坚守山区二十年的故事。学校只有三十多名学生，\
			她既是语文老师，也是数学老师，还要负责孩子们的午餐。每到雨季，\
			她都会把住得远的学生一个个送回家。

			影片通过学生、家长和同事的讲述，展现了她身上朴实而坚定的教育情怀，\
			弘扬了社会主义核心价值观，传递了网络正能量。作品时长五分钟，为原创作品。""";

	static final String ANOTHER_SAME_THEME = """
			作品以一名外卖骑手的视角，讲述他在寒冬夜里救助一位晕倒老人的经过。\
			他放下手中的订单，拨打急救电话，陪老人等到救护车到来，事后却从未向人提起。\
			视频通过监控画面和当事人的回忆，呈现了普通劳动者身上的善良与担当，\
			传递了向上向善的网络正能量。全片为原创拍摄，时长三分钟。""";

	static final String STORY = """
			故事讲的是小兔子乖乖和它的好朋友小松鼠一起去森林里采蘑菇。路上它们遇到了迷路的小刺猬，\
			两个小伙伴决定先帮小刺猬找到妈妈，再去采蘑菇。天黑前，它们终于把小刺猬送回了家，\
			刺猬妈妈送给它们一篮子又大又圆的蘑菇。故事告诉小朋友们，帮助别人也会收获快乐。""";

	@Test
	void textWithOneParagraphChangedMatches() {
		TextPrint first = TextPrint.of(FIRST).orElseThrow();
		TextPrint changed = TextPrint.of(FIRST_WITH_A_PARAGRAPH_CHANGED).orElseThrow();
		double exact = TextPrint.exactResemblance(FIRST, FIRST_WITH_A_PARAGRAPH_CHANGED);
		assertThat(exact).isBetween(0.40, 0.60);
		assertThat(first.resemblance(changed)).isCloseTo(exact, within(0.12));
		assertThat(first.matches(changed)).isTrue();
	}

	@Test
	void theSameTextWithOtherSpacingAndPunctuationIsIdentical() {
		String reformatted = FIRST.replace("\n", "").replace("，", ",").replace("。", ". ");
		TextPrint first = TextPrint.of(FIRST).orElseThrow();
		assertThat(first.resemblance(TextPrint.of(reformatted).orElseThrow())).isEqualTo(1.0);
		assertThat(TextPrint.ofMinima(first.minima()).minima()).isEqualTo(first.minima());
		Fingerprint stored = first.fingerprint();
		assertThat(stored.kind()).isEqualTo(SimilarityKind.TEXT);
		assertThat(stored.hashes()).hasSize(128);
		assertThat(stored.hashes().get(5)).isEqualTo(new Fingerprint.Hash(5, first.minima()[5]));
		assertThat(TextPrint.ofHashes(stored.hashes()).orElseThrow().minima()).isEqualTo(first.minima());
		assertThat(TextPrint.ofHashes(stored.hashes().subList(0, 127))).isEmpty();
	}

	@Test
	void differentTextsOnTheSameThemeDoNotMatch() {
		List<String> texts = List.of(FIRST, SAME_THEME, ANOTHER_SAME_THEME, STORY);
		for (int i = 0; i < texts.size(); i++) {
			for (int j = i + 1; j < texts.size(); j++) {
				TextPrint a = TextPrint.of(texts.get(i)).orElseThrow();
				TextPrint b = TextPrint.of(texts.get(j)).orElseThrow();
				assertThat(TextPrint.exactResemblance(texts.get(i), texts.get(j))).as("texts %d and %d", i, j)
					.isLessThan(0.05);
				assertThat(a.resemblance(b)).as("texts %d and %d", i, j).isLessThan(0.10);
				assertThat(a.matches(b)).isFalse();
			}
		}
	}

	@Test
	void shortTextsMakeNoPrint() {
		assertThat(TextPrint.of("无")).isEmpty();
		assertThat(TextPrint.of("传递正能量，弘扬社会主义核心价值观。")).isEmpty();
		assertThat(TextPrint.of(null)).isEmpty();
		assertThat(TextPrint.normalised("Ａｂｃ，１２３ 正能量！")).isEqualTo("abc123正能量");
	}

}
