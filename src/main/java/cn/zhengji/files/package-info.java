/**
 * R-SUB-2, R-X-4 Stored files: resumable uploads over tus 1.0.0, one storage interface
 * (local disk by default), the SHA-256 of every file, expiry of unfinished uploads, and
 * downloads with range requests. Knows nothing of works or categories: callers decide who
 * may read a file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files",
		allowedDependencies = { "infrastructure", "audit" })
package cn.zhengji.files;
