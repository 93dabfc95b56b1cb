/**
 * R-REV-1/2 (issue 12) Expert review: which experts judge which works, and what comes of
 * their scores. Two pure algorithms: the conflict-free, load-balanced assignment of works
 * to experts ({@link ExpertAssignment}), and the results of a round
 * ({@link ReviewResults}: raw means, per-expert z-score normalisation, outlier flags, the
 * ranking with the campaign's tie-breaks, the optional public-vote combination, and a
 * proposal of award levels that leaves ties across a level boundary to the admin). Stored
 * per round: the expert pool ({@link ReviewPools}), declared conflicts, the assignment
 * and the admins' removals ({@link ReviewAssignments}); for the admins, the progress per
 * round and per expert ({@link ReviewProgress}), reminders to the experts who lag behind
 * ({@link ReviewReminders}, announced by {@link ExpertsReminded}) and the score sheets to
 * Excel ({@link ReviewSheetExports}). Uses {@code campaign} (rounds, who administers a
 * campaign), {@code account} (experts and their units), {@code submission} (the works
 * that enter a round and their files), {@code files} and {@code media} (the blind copies
 * experts are served: {@link BlindFiles}) and {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review",
		allowedDependencies = { "infrastructure", "campaign", "account", "submission", "files", "media", "audit" })
package cn.zhengji.review;
