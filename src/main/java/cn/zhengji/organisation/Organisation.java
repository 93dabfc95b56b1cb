package cn.zhengji.organisation;

/**
 * A union organisation as other modules see it.
 *
 * @param path the materialized chain of ids, e.g. {@code /1/14/203/}; a subtree is a
 * prefix
 */
public record Organisation(long id, Long parentId, String path, String code, String name, String shortName,
		OrganisationKind kind, int sortOrder, boolean demo, int version) {

	/** The number of ancestors: 0 for the root. */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

	public String displayName() {
		return shortName == null ? name : shortName;
	}

	/** Whether an organisation of this kind may be created directly below this one. */
	public boolean admitsChild(OrganisationKind childKind) {
		return kind.allowedChildren().contains(childKind);
	}

	/** The ids from the root down to this organisation, read from the path. */
	public java.util.List<Long> pathIds() {
		return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
	}
}
