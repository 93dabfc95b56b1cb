package cn.zhengji.files;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the tus upload endpoint ({@code zhengji.uploads.*}).
 *
 * @param maxSize the largest file anyone may upload (Upload-Length above it: 413)
 * @param expireAfter how long an unfinished upload lives after its last PATCH
 * @param expiryCheckInterval how often the expiry job looks for expired uploads
 * @param lease how long one PATCH holds an upload; refreshed while bytes arrive
 * @param syncEvery during a long PATCH, the bytes are forced to disk and the offset
 * recorded this often: what a crash or a cut connection can lose at most
 * @param bufferSize the one buffer a PATCH streams through (memory does not grow with
 * file size)
 */
@ConfigurationProperties("zhengji.uploads")
record UploadProperties(@DefaultValue("2GB") DataSize maxSize, @DefaultValue("24h") Duration expireAfter,
		@DefaultValue("10m") Duration expiryCheckInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("8MB") DataSize syncEvery, @DefaultValue("128KB") DataSize bufferSize) {
}
