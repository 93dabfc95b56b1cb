package cn.zhengji.campaign;

/**
 * One criterion of a {@link Rubric}: an expert gives a work between 0 and
 * {@code maxPoints} points for it.
 *
 * @param code stable within the category, for scores to refer to
 * @param guidance what earns the points, shown to experts; may be null
 */
public record RubricCriterion(long id, String code, String name, int maxPoints, String guidance, int sortOrder) {
}
