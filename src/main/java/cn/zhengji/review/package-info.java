/**
 * R-REV-1/2 (issue 12) Expert review: which experts judge which works. For now the
 * conflict-free, load-balanced assignment of works to experts ({@link ExpertAssignment}),
 * a pure algorithm without storage or pages. Uses no other business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review", allowedDependencies = { "infrastructure" })
package cn.zhengji.review;
