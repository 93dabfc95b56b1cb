package cn.zhengji.nomination;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;

import javax.imageio.ImageIO;

/**
 * Made-up candidates for the document tests; the ID number's check digit is right, the
 * person does not exist.
 */
final class SheetSamples {

	static final String ID_NUMBER = ResidentIdNumberTest.withCheckDigit("35010219880229123");

	private SheetSamples() {
	}

	static NominationSheet complete() {
		return new NominationSheet("2024年“网聚职工正能量 争做中国好网民”主题活动", "林晓燕", "女", photo("png"), YearMonth.of(1988, 2),
				"中共党员", "榕城职工说", "抖音", "3.2万", "福州市鼓楼区某科技有限公司 工会主席", "13800001234", ID_NUMBER, "福州市总工会",
				"林晓燕，女，1988年2月生，中共党员，现任福州市鼓楼区某科技有限公司工会主席。\n2019年起运营“榕城职工说”账号，持续发布职工权益、安全生产和网络文明内容。",
				"该同志坚持正确政治方向，账号内容积极健康。\n累计发布原创短视频三百余条，单条最高播放量一百二十万次，带动职工文明上网。", "同意推荐。", "经审核，同意推荐该同志参评“八闽职工好网民”。",
				null);
	}

	static NominationSheet withoutOpinions() {
		NominationSheet s = complete();
		return new NominationSheet(s.campaignTitle(), s.name(), s.sex(), s.photo(), s.birthMonth(), s.politicalStatus(),
				s.accountName(), s.platform(), s.followers(), s.unitAndPosition(), s.mobile(), s.idNumber(),
				s.recommendingUnit(), s.profile(), s.reasons(), null, null, null);
	}

	/** 推荐理由 at the limit: 1500 characters in paragraphs, and 500 of 候选人简介. */
	static NominationSheet longTexts() {
		NominationSheet s = complete();
		return new NominationSheet(s.campaignTitle(), s.name(), s.sex(), photo("jpg"), s.birthMonth(),
				s.politicalStatus(), s.accountName(), s.platform(), s.followers(), s.unitAndPosition(), s.mobile(),
				s.idNumber(), s.recommendingUnit(), chinese(500, 0), chinese(1500, 7), s.workUnitOpinion(),
				s.recommendingUnitOpinion(), chinese(200, 3));
	}

	/**
	 * Exactly {@code characters} Chinese characters (no spaces), with a line break every
	 * 150 when asked.
	 */
	static String chinese(int characters, int seed) {
		String source = "网聚职工正能量争做中国好网民坚持正确政治方向舆论导向价值取向大力传播党委政府和工会声音引导职工文明上网";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < characters; i++) {
			if (seed > 0 && i > 0 && i % 150 == 0) {
				text.append('\n');
			}
			text.append(source.charAt((i + seed) % source.length()));
		}
		return text.toString();
	}

	/**
	 * A 一寸 photo at 300 dpi (295 × 413 px): blue background and a head-and-shoulders
	 * outline.
	 */
	static byte[] photo(String format) {
		BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(67, 142, 219));
		g.fillRect(0, 0, 295, 413);
		g.setColor(new Color(240, 214, 190));
		g.fill(new Ellipse2D.Double(92, 80, 112, 140));
		g.setColor(new Color(40, 40, 48));
		g.fill(new Ellipse2D.Double(30, 250, 235, 260));
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(6));
		g.drawLine(148, 250, 148, 413);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
