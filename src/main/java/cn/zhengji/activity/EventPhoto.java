package cn.zhengji.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo of an offline event: a completed upload found to be a JPG or PNG picture when
 * attached.
 */
public record EventPhoto(long id, UUID fileId, String fileName, String contentType, Instant attachedAt) {
}
