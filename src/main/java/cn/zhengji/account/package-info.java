/**
 * R-ORG-2/3 People and signing in: self-registration of participants by mobile number and
 * one-time code, admins and experts created by an admin above them, the password policy,
 * lockout, the first platform admin and the demonstration accounts. Uses
 * {@code organisation} and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account",
		allowedDependencies = { "infrastructure", "organisation", "audit" })
package cn.zhengji.account;
