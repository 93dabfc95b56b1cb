package cn.zhengji.evidence;

/**
 * The pre-flag of the judgement item 无水印: a static high-contrast region in one corner.
 *
 * @param frames N: the sampled frames in which it is present
 * @param sampled M: the frames sampled through the work
 * @param imageId the crop of that corner (an {@link EvidenceImage} id)
 */
public record WatermarkFlag(Corner corner, int frames, int sampled, long imageId) {
}
