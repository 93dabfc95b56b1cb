package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks every form that sets a password makes: present, repeated identically, and
 * within the policy.
 */
final class NewPasswords {

	private NewPasswords() {
	}

	static List<FieldProblem> check(String field, String password, String repeat, String username, String mobile) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null) {
			problems.add(new FieldProblem(field, "account.password.required"));
			return problems;
		}
		for (PasswordPolicy.Violation violation : PasswordPolicy.check(password, username, mobile)) {
			problems.add(new FieldProblem(field, violation.messageCode()));
		}
		if (!Objects.equals(password, repeat)) {
			problems.add(new FieldProblem(field + "Repeat", "account.password.repeatMismatch"));
		}
		return problems;
	}

}
