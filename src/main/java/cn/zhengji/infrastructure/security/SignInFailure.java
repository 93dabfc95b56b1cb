package cn.zhengji.infrastructure.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused sign-in goes back to {@code /sign-in?error} with the account name as typed
 * kept in the session for that one page, so that only the password is typed again (issue
 * 10 item 4). The password is never kept; the message stays the one generic message.
 */
public final class SignInFailure extends SimpleUrlAuthenticationFailureHandler {

	/**
	 * Session attribute holding the typed account name until the sign-in page shows it.
	 */
	public static final String TYPED_LOGIN = "typedSignInLogin";

	private static final int MAX_LENGTH = 64;

	SignInFailure() {
		super("/sign-in?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String typed = request.getParameter("username");
		if (typed != null && !typed.isBlank()) {
			String login = typed.strip();
			request.getSession()
				.setAttribute(TYPED_LOGIN, login.length() > MAX_LENGTH ? login.substring(0, MAX_LENGTH) : login);
		}
		super.onAuthenticationFailure(request, response, exception);
	}

	/** The typed account name of the last refused sign-in, once. */
	public static String takeTypedLogin(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object typed = session.getAttribute(TYPED_LOGIN);
		session.removeAttribute(TYPED_LOGIN);
		return typed instanceof String login ? login : null;
	}

}
