package cn.zhengji.media;

import cn.zhengji.campaign.CategoryRules.FileKind;

/**
 * What a file really is, found from its content. The accepted kinds map to
 * {@link FileKind}; the others are recognised only to be refused by name ("文件实际为SVG图像"),
 * which tells a submitter far more than "格式错误". The content type is what the server
 * serves the file with.
 */
enum Format {

	MP4(FileKind.MP4, "video/mp4"), MP3(FileKind.MP3, "audio/mpeg"), JPG(FileKind.JPG, "image/jpeg"),
	PNG(FileKind.PNG, "image/png"), PDF(FileKind.PDF, "application/pdf"),
	PPT(FileKind.PPT, "application/vnd.ms-powerpoint"), DOC(FileKind.DOC, "application/msword"),
	XLS(FileKind.XLS, "application/vnd.ms-excel"),
	PPTX(FileKind.PPTX, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
	DOCX(FileKind.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
	XLSX(FileKind.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	ZIP(FileKind.ZIP, "application/zip"),

	MOV(null, "video/quicktime"), THREE_GP(null, "video/3gpp"), M4A(null, "audio/mp4"), HEIF(null, "image/heif"),
	AVIF(null, "image/avif"), MATROSKA(null, "video/x-matroska"), AVI(null, "video/x-msvideo"),
	FLV(null, "video/x-flv"), MPEG_TS(null, "video/mp2t"), WAV(null, "audio/wav"), FLAC(null, "audio/flac"),
	OGG(null, "audio/ogg"), AMR(null, "audio/amr"), GIF(null, "image/gif"), WEBP(null, "image/webp"),
	BMP(null, "image/bmp"), TIFF(null, "image/tiff"), OLE2_OTHER(null, "application/x-ole-storage"),
	ENCRYPTED_OFFICE(null, "application/x-ole-storage"), RAR(null, "application/vnd.rar"),
	SEVEN_ZIP(null, "application/x-7z-compressed"), GZIP(null, "application/gzip"),
	EXECUTABLE(null, "application/octet-stream"), SVG(null, "image/svg+xml"), SVG_WITH_SCRIPT(null, "image/svg+xml"),
	HTML(null, "text/html"), XML(null, "application/xml"), SCRIPT(null, "text/plain"), TEXT(null, "text/plain"),
	EMPTY(null, "application/octet-stream"), UNKNOWN(null, "application/octet-stream");

	private final FileKind kind;

	private final String contentType;

	Format(FileKind kind, String contentType) {
		this.kind = kind;
		this.contentType = contentType;
	}

	/** The accepted kind this format is, or null for formats the platform never takes. */
	FileKind kind() {
		return kind;
	}

	/**
	 * Served type. Refused formats that a browser would render (SVG, HTML, XML, scripts)
	 * are never served as themselves: only the download type, so that an uploaded page
	 * cannot run in our origin.
	 */
	String contentType() {
		return switch (this) {
			case SVG, SVG_WITH_SCRIPT, HTML, XML, SCRIPT, EXECUTABLE, UNKNOWN, EMPTY -> "application/octet-stream";
			default -> contentType;
		};
	}

	/** Key of its Chinese name in messages-media.properties. */
	String labelCode() {
		return "media.format." + name();
	}

}
