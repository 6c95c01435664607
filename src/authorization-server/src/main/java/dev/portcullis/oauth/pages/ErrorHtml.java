package dev.portcullis.oauth.pages;

import jakarta.ws.rs.core.Response;

/**
 * The page shown instead of a redirect when the client or its redirect URI cannot be trusted, or a form is not
 * genuine. It names the OAuth error code for whoever debugs the client, and never echoes request values.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 */
public final class ErrorHtml {

    private ErrorHtml() {}

    public static Response render(String contextPath, int status, String error, String message) {
        String body = """
                <h1>This sign-in request cannot continue</h1>
                <p class="lead">%s</p>
                <p>Go back to the application and try again. If this keeps happening, tell whoever runs the application.</p>
                <p class="error-code">Error: <code id="error">%s</code></p>
                """.formatted(Html.escape(message), Html.escape(error));
        return PageHeaders.html(status, Html.page(contextPath, "Request not accepted", body));
    }
}
