/**
 * Issue 14 item 4 (R-PUB-4) Award certificates (获奖证书): a template per campaign that its
 * host's admins adjust (title, text with placeholders, seal, issuer, signature date), the
 * certificates issued from the final awards — one per winning work, to its submitter or
 * its unit — each with a random verification code, rendered in batch as one PDF or a ZIP
 * of PDFs, and the public page that confirms a code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificate",
		allowedDependencies = { "infrastructure", "campaign", "submission", "review", "account", "audit" })
package cn.zhengji.certificate;
