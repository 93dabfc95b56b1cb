package cn.zhengji.voting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Issue 13 item 4, fraud resistance (zhengji.voting.*): per client address and per device
 * (cookie), votes per minute after which a proof of work is asked, and after which votes
 * are refused until the minute is over; the work of the proof in leading zero bits of
 * SHA-256; and the thresholds from which the admins' page calls a group anomalous.
 */
@ConfigurationProperties("zhengji.voting")
public record VotingLimits(Integer addressChallengePerMinute, Integer addressLimitPerMinute,
		Integer deviceChallengePerMinute, Integer deviceLimitPerMinute, Integer challengeBits, Integer burstPerMinute,
		Integer votersPerAddress, Integer votersPerDevice, Integer votersPerSegment) {

	public VotingLimits {
		addressChallengePerMinute = orDefault(addressChallengePerMinute, 20);
		addressLimitPerMinute = orDefault(addressLimitPerMinute, 600);
		deviceChallengePerMinute = orDefault(deviceChallengePerMinute, 10);
		deviceLimitPerMinute = orDefault(deviceLimitPerMinute, 60);
		challengeBits = orDefault(challengeBits, 16);
		burstPerMinute = orDefault(burstPerMinute, 30);
		votersPerAddress = orDefault(votersPerAddress, 10);
		votersPerDevice = orDefault(votersPerDevice, 3);
		votersPerSegment = orDefault(votersPerSegment, 20);
	}

	private static Integer orDefault(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

}
