package dev.portcullis.oauth.authorize;

import static dev.portcullis.oauth.pages.Html.escape;
import static dev.portcullis.oauth.pages.Html.hidden;

import dev.portcullis.oauth.consent.Consents;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.pages.ScopeDescriptions;
import dev.portcullis.oauth.pages.UntrustedText;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The consent page. Verified facts come first: the {@code client_id} (for a metadata-document client the host of
 * its URL, then the whole URL), where the answer goes (the redirect host, with a warning for loopback and
 * app-claimed schemes), whether the client is public or confidential, when it registered, and what it may do (each
 * scope in plain words). Only then the name the client gave itself, marked as its claim and cleaned of control and
 * bidi characters ({@link UntrustedText}). Nothing else the client chose is shown: no {@code client_uri} link and
 * never a remote logo (the page's CSP allows images only from this server). One line says whether the answer will be
 * remembered; for a client whose identity is not proven it says why the user is asked every time.
 * The form repeats the request's parameters and carries a {@link FormTokens} CSRF token bound to them, to the user
 * and to their login session.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.2">RFC 6749 section 10.2 (client impersonation)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-8.6">RFC 8252 section 8.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.7">RFC 9700 section 4.7 (user interaction)</a>
 */
final class ConsentHtml {

    private static final DateTimeFormatter REGISTERED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ConsentHtml() {}

    static Response render(
            String contextPath,
            AuthorizationRequest request,
            ValidatedAuthorization authorization,
            String subject,
            boolean rememberConsent,
            String csrfToken,
            String flowId) {
        RegisteredClient client = authorization.client();
        StringBuilder body = new StringBuilder()
                .append("<h1>Allow an application to use your account?</h1>\n")
                .append("<p class=\"lead\">You are signed in as <strong id=\"subject\">")
                .append(escape(subject))
                .append("</strong>. What this server knows about the application:</p>\n")
                .append("<dl class=\"facts\" id=\"verified-facts\">\n")
                .append(identityFacts(client))
                .append(redirectFacts(authorization.redirectUri()))
                .append("</dl>\n")
                .append("<h2>It will be able to</h2>\n<ul class=\"scopes\">\n");
        for (String scope : authorization.scopes()) {
            body.append("<li><span>")
                    .append(escape(ScopeDescriptions.describe(scope)))
                    .append("</span> <code>")
                    .append(escape(scope))
                    .append("</code></li>\n");
        }
        if (authorization.scopes().isEmpty()) {
            body.append("<li><span>Nothing beyond knowing who you are</span></li>\n");
        }
        body.append("</ul>\n<p class=\"note\">Access is for <code>")
                .append(escape(authorization.resource()))
                .append("</code>.</p>\n")
                .append(claimedName(client))
                .append(rememberNote(contextPath, client, rememberConsent))
                .append(form(contextPath, request, csrfToken, flowId));
        return PageHeaders.html(
                200, Html.page(contextPath, "Allow access?", body.toString()), authorization.redirectUri());
    }

    private static String identityFacts(RegisteredClient client) {
        StringBuilder facts = new StringBuilder();
        if (client.source() == RegisteredClient.Source.METADATA_DOCUMENT) {
            facts.append("<dt>Identified by</dt><dd><strong id=\"client-host\">")
                    .append(escape(URI.create(client.clientId()).getHost()))
                    .append("</strong>, whose site publishes its description at <code id=\"client-id\">")
                    .append(escape(client.clientId()))
                    .append("</code></dd>\n");
        } else {
            facts.append("<dt>Client ID</dt><dd><code id=\"client-id\">")
                    .append(escape(client.clientId()))
                    .append("</code></dd>\n");
        }
        facts.append("<dt>Kind</dt><dd id=\"client-type\">")
                .append(
                        client.confidential()
                                ? "Confidential: it proves itself to this server with a secret or key"
                                : "Public: it holds no secret")
                .append("</dd>\n");
        facts.append("<dt>Registered</dt><dd id=\"client-registered\">");
        if (client.source() == RegisteredClient.Source.METADATA_DOCUMENT) {
            facts.append("Not registered here; described by the document at its client ID");
        } else if (client.registeredAt() != null) {
            facts.append("Registered itself on ").append(escape(REGISTERED.format(client.registeredAt())));
        } else {
            facts.append("Registered itself");
        }
        return facts.append("</dd>\n").toString();
    }

    /** The client's own name, as its claim; nothing when it gave none (or only invisible characters). */
    private static String claimedName(RegisteredClient client) {
        String name = UntrustedText.clean(client.clientName().orElse(null));
        if (name.isEmpty()) {
            return "";
        }
        return "<p class=\"note\" id=\"claimed-name\">It calls itself <q id=\"client-name\">" + escape(name)
                + "</q>. The application chose this name; this server has not verified it.</p>\n";
    }

    private static String rememberNote(String contextPath, RegisteredClient client, boolean rememberConsent) {
        if (!rememberConsent) {
            return "";
        }
        if (!Consents.rememberable(client)) {
            return "<p class=\"note\" id=\"remember-note\">You will be asked every time: nothing proves this application's "
                    + "identity, and another program could use the same address.</p>\n";
        }
        return "<p class=\"note\" id=\"remember-note\">If you allow it, this application is not asked again for these "
                + "permissions until you withdraw them on <a href=\"" + escape(contextPath)
                + "/consents\">your approved "
                + "applications</a>.</p>\n";
    }

    private static String redirectFacts(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("https") || scheme.equals("http");
        String where = web ? uri.getHost() : scheme + ":";
        StringBuilder facts = new StringBuilder("<dt>Answer goes to</dt><dd><strong id=\"redirect-host\">")
                .append(escape(where))
                .append("</strong>");
        if (RedirectUris.isLoopback(redirectUri)) {
            facts.append(
                    "<p class=\"warning\" id=\"redirect-warning\">That is a program on this computer. Allow it only if you "
                            + "started it yourself just now.</p>");
        } else if (!web) {
            facts.append(
                            "<p class=\"warning\" id=\"redirect-warning\">That is an app on this device, reached through the link scheme <code>")
                    .append(escape(scheme))
                    .append(":</code>, which any app can claim. Allow it only if you started this from "
                            + "the app you expect.</p>");
        }
        return facts.append("</dd>\n").toString();
    }

    private static String form(String contextPath, AuthorizationRequest request, String csrfToken, String flowId) {
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"")
                .append(escape(contextPath))
                .append("/authorize\" class=\"decision\">\n")
                .append(hidden("client_id", request.clientId()))
                .append(hidden("redirect_uri", request.redirectUri()))
                .append(hidden("response_type", request.responseType()))
                .append(hidden("state", request.state()))
                .append(hidden("code_challenge", request.codeChallenge()))
                .append(hidden("code_challenge_method", request.codeChallengeMethod()))
                .append(hidden("scope", request.scope()));
        request.resources().forEach(resource -> form.append(hidden("resource", resource)));
        return form.append(hidden("flow_id", flowId))
                .append(hidden("csrf_token", csrfToken))
                .append("<div class=\"buttons\">\n")
                .append(
                        "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\" class=\"secondary\">Deny</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\">Allow</button>\n")
                .append("</div>\n</form>\n")
                .toString();
    }
}
