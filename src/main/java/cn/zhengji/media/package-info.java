/**
 * R-SUB-3 Checks of a file by its content, never its name: the real format, and for audio
 * and video the container, codecs, duration, frame size, aspect ratio and sound; limits
 * of texts and counts. Each result is a finding with a Chinese message naming the rule
 * and the measured value. Reads the category rules of {@code campaign}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media",
		allowedDependencies = { "infrastructure", "campaign" })
package cn.zhengji.media;
