package cn.zhengji.infrastructure.web;

/**
 * Something does not exist, or exists outside what the actor may see: both answer 404, so
 * that a response never tells which.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
