package cn.zhengji.account.web;

import cn.zhengji.account.FieldProblem;
import cn.zhengji.account.InvalidAccountInput;
import org.springframework.validation.BindingResult;

/**
 * Puts the account module's refusals onto the form, next to the fields they concern; a
 * problem about something the form has no field for is shown above the form.
 */
final class FormProblems {

	private FormProblems() {
	}

	static void bind(InvalidAccountInput refusal, BindingResult binding) {
		for (FieldProblem problem : refusal.problems()) {
			if (problem.field() != null && binding.getFieldType(problem.field()) != null) {
				binding.rejectValue(problem.field(), problem.messageCode(), problem.arguments(), null);
			}
			else {
				binding.reject(problem.messageCode(), problem.arguments(), null);
			}
		}
	}

}
