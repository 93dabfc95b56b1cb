package cn.zhengji.organisation;

import cn.zhengji.infrastructure.web.ChangeRejected;

/**
 * A change to the tree that the rules or the database refused; the message codes are in
 * {@code messages-organisation.properties}. Nothing was written.
 */
public class OrganisationRejected extends ChangeRejected {

	OrganisationRejected(String field, String messageCode, Object... arguments) {
		super(field, messageCode, arguments);
	}

}
