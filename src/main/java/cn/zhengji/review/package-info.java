/**
 * R-REV-1/2 (issue 12) Expert review: which experts judge which works, and what comes of
 * their scores. For now two pure algorithms without storage or pages: the conflict-free,
 * load-balanced assignment of works to experts ({@link ExpertAssignment}), and the
 * results of a round ({@link ReviewResults}: raw means, per-expert z-score normalisation,
 * outlier flags, the ranking with the campaign's tie-breaks, the optional public-vote
 * combination, and a proposal of award levels that leaves ties across a level boundary to
 * the admin). Uses no other business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review", allowedDependencies = { "infrastructure" })
package cn.zhengji.review;
