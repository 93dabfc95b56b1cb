package cn.zhengji.notification;

import java.util.List;

/**
 * Published inside the transaction that stored notices; {@link TextMessages} sends them
 * only once that transaction has committed.
 */
record TextMessagesDue(List<NewNotice> notices) {
}
