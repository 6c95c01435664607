package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.button;
import static dev.portcullis.oauth.console.ConsoleHtml.when;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.grants.ActiveGrant;
import dev.portcullis.oauth.grants.ClientSummary;
import dev.portcullis.oauth.grants.Grants;
import dev.portcullis.oauth.pages.PageHeaders;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /oauth/account}: the signed-in user's connected applications (every client holding an active token family
 * of theirs: its scopes, since when, when last used) with a button that revokes one application and one that
 * revokes them all ({@link Grants#revokeClientFor}: refresh tokens fail at once, access tokens get 401 at
 * {@code /mcp}, a remembered consent is forgotten).
 */
@Path("/account")
@RequestScoped
public class AccountPage {

    static final String REVOKE = "account-revoke-client";
    static final String REVOKE_ALL = "account-revoke-all";

    @EJB
    private Grants grants;

    @Inject
    private SignedInUser signedIn;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        RealmUser user = signedIn.of(http, httpResponse);
        String base = http.getContextPath();
        if (user == null) {
            return ConsoleHtml.refused(base, "You are not signed in.");
        }
        Map<String, List<ActiveGrant>> byClient = new LinkedHashMap<>();
        grants.ofSubject(user.subject())
                .forEach(g -> byClient.computeIfAbsent(g.clientId(), k -> new ArrayList<>())
                        .add(g));
        StringBuilder body = new StringBuilder(
                        "<h1>Your account</h1>\n<p class=\"lead\">Signed in as <strong id=\"subject\">")
                .append(escape(user.subject()))
                .append("</strong>.</p>\n<nav aria-label=\"Pages\"><ul>")
                .append("<li><a href=\"")
                .append(escape(base))
                .append("/consents\">Remembered approvals</a></li>")
                .append("<li><a id=\"tokens-link\" href=\"")
                .append(escape(base))
                .append("/account/tokens\">Personal access tokens</a></li>")
                .append("<li><a id=\"inspector-link\" href=\"")
                .append(escape(base))
                .append("/account/inspector\">")
                .append(InspectorHtml.TITLE)
                .append("</a></li>");
        if (signedIn.operator(user)) {
            body.append("<li><a id=\"console-link\" href=\"")
                    .append(escape(base))
                    .append("/console\">Operator console</a></li>");
        }
        body.append("</ul></nav>\n<h2>Connected applications</h2>\n");
        if (byClient.isEmpty()) {
            body.append("<p id=\"no-clients\">No application holds access to your account.</p>\n");
        } else {
            body.append(
                            "<table class=\"consents\" id=\"clients\">\n<caption>Applications that may act for you</caption>\n<tr>")
                    .append("<th scope=\"col\">Application</th><th scope=\"col\">May</th><th scope=\"col\">Since</th>")
                    .append("<th scope=\"col\">Last used</th><th scope=\"col\">Action</th></tr>\n");
            byClient.forEach((clientId, list) -> body.append(row(user, base, clientId, list)));
            body.append("</table>\n")
                    .append(button(
                            base + "/account/revoke-all",
                            signedIn.token(user, REVOKE_ALL, user.subject()),
                            "Revoke all applications",
                            "Revoke the access of every application",
                            "revoke-all"));
        }
        return ConsoleHtml.page(base, "Your account", body.toString());
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(MultivaluedMap<String, String> form) {
        // The form as the entity, not @FormParam (see ConsentsPage: RequestBodyLimitFilter's bounded copy).
        RealmUser user = signedIn.of(http, httpResponse);
        String clientId = form.getFirst("client_id");
        if (!signedIn.genuine(http, user, form, REVOKE, clientId)) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        grants.revokeClientFor(user.subject(), clientId, "user");
        return back();
    }

    @POST
    @Path("/revoke-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revokeAll(MultivaluedMap<String, String> form) {
        RealmUser user = signedIn.of(http, httpResponse);
        if (!signedIn.genuine(http, user, form, REVOKE_ALL, user == null ? null : user.subject())) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        grants.revokeAllOf(user.subject(), "user");
        return back();
    }

    private Response back() {
        // Absolute from the application's base URI: RESTEasy prefixes a relative Location with it, context path and
        // all.
        return PageHeaders.secure(
                        Response.seeOther(
                                uri.getBaseUriBuilder().path("account").build()),
                        null)
                .build();
    }

    private String row(RealmUser user, String base, String clientId, List<ActiveGrant> list) {
        TreeSet<String> scopes = new TreeSet<>();
        list.forEach(g -> scopes.addAll(List.of(g.scope().trim().split(" +"))));
        Instant since = list.stream()
                .map(ActiveGrant::createdAt)
                .min(Instant::compareTo)
                .orElse(null);
        Instant last = list.stream()
                .map(ActiveGrant::lastUsedAt)
                .max(Instant::compareTo)
                .orElse(null);
        String name = grants.client(clientId)
                .map(ClientSummary::clientName)
                .map(ConsoleHtml::name)
                .orElseGet(() -> ConsoleHtml.unregistered(clientId));
        return "<tr><td>" + name + "<br><code class=\"client-id\">" + escape(clientId) + "</code></td><td>"
                + escape(String.join(" ", scopes)) + "</td><td>" + when(since) + "</td><td>" + when(last) + "</td><td>"
                + button(
                        base + "/account/revoke",
                        signedIn.token(user, REVOKE, clientId),
                        "Revoke",
                        "Revoke the access of " + clientId,
                        null,
                        "client_id",
                        clientId)
                + "</td></tr>\n";
    }
}
