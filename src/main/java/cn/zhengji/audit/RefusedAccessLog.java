package cn.zhengji.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-X-3 A refused look at another unit's object ({@link AccessRefused}) becomes one
 * {@link AuditAction#ACCESS_REFUSED} event: the actor, the object's type and id, the
 * method and path asked for — nothing of the object. It belongs to the actor's
 * organisation, so the admins above the actor (and the platform admin) read it. Written
 * in its own transaction: the request's work, if any, was rolled back by the refusal.
 */
@Component
class RefusedAccessLog {

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate ownTransaction;

	RefusedAccessLog(AuditLog auditLog, Texts texts, PlatformTransactionManager transactions) {
		this.auditLog = auditLog;
		this.texts = texts;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void record(AccessRefused refused) {
		SignedInUser actor = SignedInUser.current().orElse(null);
		if (actor == null) {
			return;
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", refused.method());
		request.put("url", refused.url());
		String summary = texts.plain("audit.refused.summary", AuditTarget.label(texts, refused.targetType()),
				refused.targetId(), refused.method(), refused.url());
		ownTransaction.executeWithoutResult(status -> auditLog.recordChange(AuditAction.ACCESS_REFUSED,
				refused.targetType(), refused.targetId(), actor.organisationPath(), summary, null, request));
	}

}
