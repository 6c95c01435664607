package dev.portcullis.oauth.authorize;

import static dev.portcullis.oauth.pages.Html.escape;
import static dev.portcullis.oauth.pages.Html.hidden;

import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.pages.ScopeDescriptions;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * The consent page: who asks (client name, its site, and for a metadata-document client the host that vouches for
 * it), where the answer goes (the redirect host, with a warning for loopback and app-claimed schemes), what it may
 * do (each scope in plain words), and approve or deny. The form repeats the request's parameters and carries a
 * {@link FormTokens} CSRF token bound to them and to the user.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 section 10.2 (client impersonation)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-8.6">RFC 8252 section 8.6</a>
 */
final class ConsentPage {

    private ConsentPage() {
    }

    static Response render(String contextPath, AuthorizationRequest request, ValidatedAuthorization authorization,
            String subject, String csrfToken) {
        RegisteredClient client = authorization.client();
        String name = client.clientName().orElse(client.clientId());
        StringBuilder body = new StringBuilder()
                .append("<h1>Allow <span id=\"client-name\">").append(escape(name)).append("</span> to use your account?</h1>\n")
                .append("<p class=\"lead\">You are signed in as <strong id=\"subject\">").append(escape(subject))
                .append("</strong>.</p>\n")
                .append(clientFacts(client))
                .append(redirectFacts(authorization.redirectUri()))
                .append("<h2>It will be able to</h2>\n<ul class=\"scopes\">\n");
        for (String scope : authorization.scopes()) {
            body.append("<li><span>").append(escape(ScopeDescriptions.describe(scope))).append("</span> <code>")
                    .append(escape(scope)).append("</code></li>\n");
        }
        if (authorization.scopes().isEmpty()) {
            body.append("<li><span>Nothing beyond knowing who you are</span></li>\n");
        }
        body.append("</ul>\n<p class=\"note\">Access is for <code>").append(escape(authorization.resource()))
                .append("</code>. You can withdraw it at any time on <a href=\"").append(escape(contextPath))
                .append("/consents\">your approved applications</a>.</p>\n")
                .append(form(contextPath, request, csrfToken));
        return PageHeaders.html(200, Html.page(contextPath, "Allow " + name + "?", body.toString()), authorization.redirectUri());
    }

    private static String clientFacts(RegisteredClient client) {
        StringBuilder facts = new StringBuilder("<dl class=\"facts\">\n");
        String clientUri = client.metadata().getString("client_uri", null);
        if (clientUri != null) {
            facts.append("<dt>Application site</dt><dd><a id=\"client-uri\" rel=\"noopener noreferrer\" href=\"")
                    .append(escape(clientUri)).append("\">").append(escape(clientUri)).append("</a></dd>\n");
        }
        if (client.source() == RegisteredClient.Source.METADATA_DOCUMENT) {
            facts.append("<dt>Identified by</dt><dd><code>").append(escape(URI.create(client.clientId()).getHost()))
                    .append("</code></dd>\n");
        } else {
            facts.append("<dt>Registered as</dt><dd>a self-registered application; its name is not verified</dd>\n");
        }
        return facts.append("</dl>\n").toString();
    }

    private static String redirectFacts(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("https") || scheme.equals("http");
        String where = web ? uri.getHost() : scheme + ":";
        StringBuilder facts = new StringBuilder("<p>After you answer, you go back to <strong id=\"redirect-host\">")
                .append(escape(where)).append("</strong>.</p>\n");
        if (RedirectUris.isLoopback(redirectUri)) {
            facts.append("<p class=\"warning\" id=\"redirect-warning\">That is a program on this computer. Allow it only if you "
                    + "started it yourself just now.</p>\n");
        } else if (!web) {
            facts.append("<p class=\"warning\" id=\"redirect-warning\">That is an app on this device, reached through the link scheme <code>")
                    .append(escape(scheme)).append(":</code>, which any app can claim. Allow it only if you started this from "
                            + "the app you expect.</p>\n");
        }
        return facts.toString();
    }

    private static String form(String contextPath, AuthorizationRequest request, String csrfToken) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"").append(escape(contextPath))
                .append("/authorize\" class=\"decision\">\n")
                .append(hidden("client_id", request.clientId()))
                .append(hidden("redirect_uri", request.redirectUri()))
                .append(hidden("response_type", request.responseType()))
                .append(hidden("state", request.state()))
                .append(hidden("code_challenge", request.codeChallenge()))
                .append(hidden("code_challenge_method", request.codeChallengeMethod()))
                .append(hidden("scope", request.scope()));
        request.resources().forEach(resource -> form.append(hidden("resource", resource)));
        return form.append(hidden("csrf_token", csrfToken))
                .append("<div class=\"buttons\">\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\" class=\"secondary\">Deny</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Allow</button>\n")
                .append("</div>\n</form>\n").toString();
    }
}
