package cn.zhengji.account;

/**
 * R-ORG-2 Who a participant is, which decides the categories open to them (娘家人微故事 is for
 * union cadres and social union workers). Stored by name (database CHECK
 * account_participant_kind_ck); Chinese labels are {@code account.participantKind.*}
 * messages.
 */
public enum ParticipantKind {

	/** 职工. */
	WORKER,
	/** 工会干部, full- or part-time. */
	UNION_CADRE,
	/** 社会化工会工作者. */
	SOCIAL_UNION_WORKER

}
