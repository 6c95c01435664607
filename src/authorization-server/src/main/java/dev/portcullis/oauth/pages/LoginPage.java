package dev.portcullis.oauth.pages;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.audit.LoginFailureBudget;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The FORM login page and its error page (web.xml {@code form-login-config}). The form posts to the container's
 * {@code j_security_check}, so the realm checks the password and the application never sees it. Showing the login
 * page drops the login cookie ({@link #LOGIN_COOKIE}, dev.portcullis.oauth.authorize.LoginCookie): a login is about to happen, and the first request after it
 * records its time anew.
 *
 * <p>The error page records {@code login.failed}. The container may show it by a forward (the failure is then
 * certain) or by a redirect (Liberty; then the request is the browser's own GET and anybody can send the same), so
 * every record is bounded per source address by {@link LoginFailureBudget}, and says how it was reached
 * ({@code dispatch}).
 *
 * @see <a href="https://jakarta.ee/specifications/servlet/6.0/jakarta-servlet-spec-6.0#form-based-authentication">Servlet 6.0 section 13.6.3</a>
 */
@Path("/")
public class LoginPage {

    /** The cookie that carries when the user logged in (dev.portcullis.oauth.authorize.LoginCookie). */
    public static final String LOGIN_COOKIE = "__Host-portcullis-login";

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse response;

    @Inject
    private AuditTrail audit;

    @Inject
    private LoginFailureBudget budget;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login() {
        forgetLoginMoment();
        return page(200, "");
    }

    @GET
    @Path("login-error")
    @Produces(MediaType.TEXT_HTML)
    public Response loginError() {
        forgetLoginMoment();
        recordFailure();
        return page(
                200,
                "<p class=\"warning\" id=\"login-error\" role=\"alert\">That user name and password did not match. Try again.</p>\n");
    }

    /**
     * The user name tried is not known here. Nothing the caller sends is trusted: the source is the TCP peer, and
     * only a forward the container made from {@code j_security_check} (its own request attribute) counts as one.
     */
    private void recordFailure() {
        if (!audit.enabled()) {
            return;
        }
        LoginFailureBudget.Admission admission = budget.admit(http.getRemoteAddr());
        if (!admission.record()) {
            return;
        }
        Object forwardedFrom = http.getDispatcherType() == DispatcherType.FORWARD
                ? http.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI)
                : null;
        boolean fromLogin = forwardedFrom instanceof String uri && uri.endsWith("/j_security_check");
        audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED)
                .failed("the realm refused the user name and password")
                .detail("dispatch", fromLogin ? "forward" : "request")
                .detail("source", admission.source())
                .detail("suppressed_before", admission.suppressedBefore() > 0 ? admission.suppressedBefore() : null)
                .detail("limited", admission.lastInWindow() ? "true" : null));
    }

    private void forgetLoginMoment() {
        response.addHeader("Set-Cookie", LOGIN_COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }

    private Response page(int status, String message) {
        String contextPath = http.getContextPath();
        String body = """
                <h1>Sign in</h1>
                <p class="lead">An application asks to use your account. Sign in first; you decide what it may do on the next page.</p>
                %s<form method="post" action="%s/j_security_check" class="login">
                <label for="j_username">User name</label>
                <input id="j_username" name="j_username" type="text" autocomplete="username" autocapitalize="none" required autofocus>
                <label for="j_password">Password</label>
                <input id="j_password" name="j_password" type="password" autocomplete="current-password" required>
                <div class="buttons"><button type="submit" id="sign-in">Sign in</button></div>
                </form>
                """.formatted(message, Html.escape(contextPath));
        return PageHeaders.html(status, Html.page(contextPath, "Sign in", body));
    }
}
