package cn.zhengji.approval;

/** The places of one unit's quota in one category: taken, and allowed at most. */
record QuotaCount(int used, int allowed) {
}
