package cn.zhengji.account;

import java.util.List;

/**
 * A request the account module refuses, with every reason, field by field. Nothing was
 * stored.
 */
public class InvalidAccountInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidAccountInput(List<FieldProblem> problems) {
		super("Invalid account input: " + problems.stream().map(FieldProblem::messageCode).toList());
		this.problems = List.copyOf(problems);
	}

	public InvalidAccountInput(String field, String messageCode, Object... arguments) {
		this(List.of(new FieldProblem(field, messageCode, arguments)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
