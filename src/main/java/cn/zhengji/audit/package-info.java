/**
 * R-X-3 The audit log: who did what, when, from where, with the state before and after.
 * Every module records its changes through {@link cn.zhengji.audit.AuditLog}; admins read
 * the events of their own subtree. Uses no other business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "infrastructure")
package cn.zhengji.audit;
