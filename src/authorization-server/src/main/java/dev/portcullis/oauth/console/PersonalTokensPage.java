package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.button;
import static dev.portcullis.oauth.console.ConsoleHtml.when;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.token.PersonalTokens;
import dev.portcullis.oauth.token.PersonalTokens.PersonalToken;
import dev.portcullis.oauth.token.TokenSubject;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /oauth/account/tokens}: the signed-in user's personal access tokens ({@link PersonalTokens}), for scripts,
 * CI and curl that cannot do OAuth. A form mints one with a name, scopes among the supported ones and a lifetime;
 * the token is shown on that one answer ({@code no-store}) and never again; the list shows each token's name, scopes
 * and dates with a revoke button. Every change is a POST with the user's form token.
 */
@Path("/account/tokens")
@RequestScoped
public class PersonalTokensPage {

    static final String CREATE = "account-create-personal-token";
    static final String REVOKE = "account-revoke-personal-token";

    @EJB
    private PersonalTokens tokens;

    @Inject
    private AuthServerConfig config;

    @Inject
    private SignedInUser signedIn;

    @Inject
    private Clock clock;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        RealmUser user = signedIn.of(http, httpResponse);
        if (user == null) {
            return ConsoleHtml.refused(http.getContextPath(), "You are not signed in.");
        }
        return page(user, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form) {
        RealmUser user = signedIn.of(http, httpResponse);
        if (!signedIn.genuine(http, user, form, CREATE, user == null ? null : user.subject())) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        String base = http.getContextPath();
        List<String> scopes = form.get("scope") == null
                ? List.of()
                : form.get("scope").stream().limit(100).toList();
        try {
            PersonalTokens.Minted minted = tokens.mint(
                    new TokenSubject(user.subject(), user.groups(), config.mcpResource(), user.authenticatedAt()),
                    form.getFirst("name"),
                    scopes,
                    Duration.ofDays(days(form.getFirst("days"))));
            String body = "<h1>New personal access token</h1>\n<p class=\"lead\">The token <strong id=\"token-name\">"
                    + escape(minted.record().name()) + "</strong>, valid until "
                    + when(minted.record().expiresAt())
                    + ". It is shown this once: copy it now. Send it as <code>Authorization: Bearer …</code> to "
                    + "<code>" + escape(config.mcpResource()) + "</code>.</p>\n<p><code id=\"new-token\">"
                    + escape(minted.token()) + "</code></p>\n<p><a href=\"" + escape(base)
                    + "/account/tokens\">Back to your tokens</a></p>\n";
            return ConsoleHtml.page(base, "New personal access token", body);
        } catch (PersonalTokens.Refused refused) {
            return page(user, refused.getMessage());
        }
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(MultivaluedMap<String, String> form) {
        RealmUser user = signedIn.of(http, httpResponse);
        String id = form.getFirst("token_id");
        if (!signedIn.genuine(http, user, form, REVOKE, id)) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        tokens.revoke(user.subject(), id);
        // Absolute from the application's base URI: RESTEasy prefixes a relative Location with it, context path and
        // all.
        return PageHeaders.secure(
                        Response.seeOther(uri.getBaseUriBuilder()
                                .path("account")
                                .path("tokens")
                                .build()),
                        null)
                .build();
    }

    private Response page(RealmUser user, String problem) {
        String base = http.getContextPath();
        Instant now = clock.instant();
        StringBuilder body = new StringBuilder(
                        "<h1>Personal access tokens</h1>\n<p class=\"lead\">Tokens you mint here act as ")
                .append("<strong id=\"subject\">")
                .append(escape(user.subject()))
                .append("</strong> at the MCP endpoint, for ")
                .append("scripts and tools that cannot sign in themselves. Revoke one and it stops at once.</p>\n")
                .append("<nav aria-label=\"Pages\"><ul><li><a href=\"")
                .append(escape(base))
                .append("/account\">Your account</a></li></ul></nav>\n");
        if (problem != null) {
            body.append("<p class=\"error\" id=\"problem\" role=\"alert\">")
                    .append(escape(problem))
                    .append("</p>\n");
        }
        List<PersonalToken> mine = tokens.of(user.subject());
        if (mine.isEmpty()) {
            body.append("<p id=\"no-tokens\">You have no personal access token.</p>\n");
        } else {
            body.append("<table class=\"consents\" id=\"tokens\">\n<caption>Your tokens, newest first</caption>\n<tr>")
                    .append("<th scope=\"col\">Name</th><th scope=\"col\">Scopes</th><th scope=\"col\">Created</th>")
                    .append("<th scope=\"col\">Expires</th><th scope=\"col\">Action</th></tr>\n");
            for (PersonalToken token : mine) {
                body.append("<tr><td class=\"token-name\">")
                        .append(escape(token.name()))
                        .append("</td><td>")
                        .append(escape(String.join(" ", token.scopes())))
                        .append("</td><td>")
                        .append(when(token.createdAt()))
                        .append("</td><td>")
                        .append(when(token.expiresAt()))
                        .append("</td><td>");
                if (token.active(now)) {
                    body.append(button(
                            base + "/account/tokens/revoke",
                            signedIn.token(user, REVOKE, token.id()),
                            "Revoke",
                            "Revoke the token " + token.name(),
                            null,
                            "token_id",
                            token.id()));
                } else {
                    body.append(token.revokedAt() != null ? "revoked " + when(token.revokedAt()) : "expired");
                }
                body.append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
        body.append(createForm(user, base));
        return ConsoleHtml.page(base, "Personal access tokens", body.toString());
    }

    private String createForm(RealmUser user, String base) {
        long maxDays = Math.max(1, tokens.maxLifetime().toDays());
        StringBuilder form = new StringBuilder("<h2>New token</h2>\n<form method=\"post\" action=\"")
                .append(escape(base))
                .append("/account/tokens\" id=\"create-token\">")
                .append(Html.hidden("csrf_token", signedIn.token(user, CREATE, user.subject())))
                .append(
                        "<p><label for=\"name\">Name</label> <input type=\"text\" id=\"name\" name=\"name\" required maxlength=\"")
                .append(PersonalTokens.MAX_NAME)
                .append("\"></p>\n<fieldset><legend>Scopes</legend>");
        for (String scope : new TreeSet<>(tokens.grantableScopes())) {
            String id = "scope-" + scope.replaceAll("[^A-Za-z0-9_-]", "-");
            form.append("<p><input type=\"checkbox\" name=\"scope\" id=\"")
                    .append(escape(id))
                    .append("\" value=\"")
                    .append(escape(scope))
                    .append("\"> <label for=\"")
                    .append(escape(id))
                    .append("\">")
                    .append(escape(scope))
                    .append("</label></p>");
        }
        form.append("</fieldset>\n<p><label for=\"days\">Valid for (days, at most ")
                .append(maxDays)
                .append(")</label> ")
                .append("<input type=\"number\" id=\"days\" name=\"days\" min=\"1\" max=\"")
                .append(maxDays)
                .append("\" value=\"")
                .append(Math.min(30, maxDays))
                .append("\" required></p>\n")
                .append("<p><button type=\"submit\" id=\"create\">Create token</button></p></form>\n");
        return form.toString();
    }

    /** The requested lifetime in days; 0 (refused by the service) when it is not a number. */
    private static long days(String value) {
        try {
            return value == null || value.length() > 6 ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
