package cn.zhengji.account;

/**
 * R-ORG-3 Sends a text message to a mainland mobile number. Pluggable: a deployment
 * provides a bean for its SMS provider; without one, {@link LoggingSmsGateway} writes the
 * message to the log.
 */
public interface SmsGateway {

	/**
	 * @param mobile an 11-digit mainland mobile number
	 * @param text the complete message, signature included
	 */
	void send(String mobile, String text);

}
