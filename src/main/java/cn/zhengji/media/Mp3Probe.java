package cn.zhengji.media;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.mp3.MP3AudioHeader;
import org.jaudiotagger.audio.mp3.MP3File;

/**
 * Duration, bit rate and sample rate of an MP3 via jaudiotagger, which reads the
 * Xing/VBRI header of a variable-bit-rate file (exact duration) instead of guessing from
 * the first frame. Opened as {@link MP3File} directly, so the file name's extension plays
 * no part.
 */
final class Mp3Probe {

	/**
	 * Held so the level is not lost when the logger is collected; jaudiotagger logs every
	 * odd frame.
	 */
	private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

	static {
		JAUDIOTAGGER_LOG.setLevel(Level.OFF);
	}

	private Mp3Probe() {
	}

	record Mp3Facts(double durationSeconds, int bitRateKbps, int sampleRateHz, boolean variableBitRate) {
	}

	static Mp3Facts read(Path path) throws MediaProblem {
		try {
			MP3File file = new MP3File(path.toFile(), MP3File.LOAD_IDV2TAG, true);
			MP3AudioHeader header = file.getMP3AudioHeader();
			if (header == null) {
				throw MediaProblem.damaged();
			}
			return new Mp3Facts(header.getPreciseTrackLength(), (int) header.getBitRateAsNumber(),
					header.getSampleRateAsNumber(), header.isVariableBitRate());
		}
		catch (MediaProblem ex) {
			throw ex;
		}
		catch (Exception ex) {
			// jaudiotagger reports a file without valid frames as
			// InvalidAudioFrameException and the like.
			throw MediaProblem.damaged();
		}
	}

}
