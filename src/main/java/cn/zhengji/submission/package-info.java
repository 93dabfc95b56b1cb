/**
 * R-CAM-3, R-SUB-1/3, R-NOM-1/2 Entries (作品/申报) in every category: their texts and files
 * as the category rule asks, the declarations, draft → submitted → withdrawn until the
 * deadline, the nomination form of the good-netizen category, the checks of every file,
 * and "my works".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Submission", allowedDependencies = { "infrastructure",
		"organisation", "account", "campaign", "files", "media", "nomination", "audit" })
package cn.zhengji.submission;
