package dev.portcullis.oauth.authorize;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.cimd.ClientMetadataDocuments;
import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.consent.Consents;
import dev.portcullis.oauth.consent.RememberedConsent;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.pages.ErrorHtml;
import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.pages.UntrustedText;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code /oauth/consents}: the signed-in user's remembered approvals, each with a button that withdraws it (a
 * POST with a CSRF token bound to the user, their login session and the approval). Withdrawing makes the next
 * authorization request of that client ask again and revokes what the client holds for the user: refresh tokens,
 * outstanding codes and access tokens ({@link Consents#withdraw}). An approval stored for a client that no longer
 * proves its identity (it became public) is listed as not applied, and can be withdrawn.
 * Client names are the client's claim, cleaned of control and bidi characters ({@link UntrustedText}).
 */
@Path("/consents")
@RequestScoped
public class ConsentsPage {

    static final String WITHDRAW_PURPOSE = "withdraw-consent";

    @EJB
    private Consents consents;

    @Inject
    private ClientResolver clients;

    @Inject
    private FormTokens formTokens;

    @Inject
    private AuditTrail audit;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @Context
    private UriInfo uri;

    @Inject
    private LoginCookie loginCookie;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        boolean loggingIn = RealmUser.loggingIn(http, loginCookie);
        RealmUser user = RealmUser.of(http, httpResponse, loginCookie);
        if (user != null && loggingIn) {
            audit.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED).subject(user.subject()));
        }
        if (user == null) {
            return ErrorHtml.render(
                    http.getContextPath(), 403, OAuthErrorCodes.ACCESS_DENIED, "You are not signed in.");
        }
        List<RememberedConsent> approvals = consents.of(user.subject());
        StringBuilder body = new StringBuilder(
                        "<h1>Applications you allowed</h1>\n<p class=\"lead\">Signed in as <strong>")
                .append(escape(user.subject()))
                .append("</strong>. Withdrawing an approval makes the application ask again " + "next time.</p>\n");
        if (approvals.isEmpty()) {
            body.append("<p id=\"no-consents\">You have not allowed any application yet.</p>\n");
        } else {
            body.append(
                    "<table class=\"consents\">\n<tr><th>Application</th><th>May</th><th>Since</th><th></th></tr>\n");
            approvals.forEach(approval -> body.append(row(user, approval)));
            body.append("</table>\n");
        }
        return PageHeaders.html(200, Html.page(http.getContextPath(), "Applications you allowed", body.toString()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response withdraw(MultivaluedMap<String, String> form) {
        // The form as the entity, not @FormParam: RESTEasy takes @FormParam from the servlet's parameter map, which
        // would read the body past RequestBodyLimitFilter's bounded copy.
        String consentId = form.getFirst("consent_id");
        String csrfToken = form.getFirst("csrf_token");
        RealmUser user = RealmUser.of(http, httpResponse, loginCookie);
        if (user == null
                || consentId == null
                || !formTokens.valid(csrfToken, WITHDRAW_PURPOSE, user.formHolder(), consentId)) {
            return ErrorHtml.render(
                    http.getContextPath(),
                    403,
                    OAuthErrorCodes.INVALID_REQUEST,
                    "This form has expired or was not sent from this server's page.");
        }
        consents.withdraw(user.subject(), consentId);
        // Absolute from the application's base URI: RESTEasy prefixes a relative Location with it
        // (/oauth/oauth/consents).
        return PageHeaders.secure(
                        Response.seeOther(
                                uri.getBaseUriBuilder().path("consents").build()),
                        null)
                .build();
    }

    private String row(RealmUser user, RememberedConsent approval) {
        Optional<RegisteredClient> client = ClientMetadataDocuments.isDocumentUrl(approval.clientId())
                ? Optional.empty()
                : clients.resolve(approval.clientId());
        String notApplied = client.filter(c -> !Consents.rememberable(c)).isPresent()
                ? "<br><span class=\"warning\">Not applied: nothing proves this application's identity, so it is asked every time.</span>"
                : "";
        return "<tr><td>" + escape(clientName(approval.clientId(), client)) + "<br><code>" + escape(approval.clientId())
                + "</code>"
                + notApplied + "</td><td>"
                + escape(String.join(" ", approval.scopes())) + "</td><td>"
                + escape(approval.grantedAt().toString())
                + "</td><td><form method=\"post\" action=\"" + escape(http.getContextPath()) + "/consents\">"
                + Html.hidden("consent_id", approval.consentId())
                + Html.hidden("csrf_token", formTokens.issue(WITHDRAW_PURPOSE, user.formHolder(), approval.consentId()))
                + "<button type=\"submit\" class=\"secondary\">Withdraw</button></form></td></tr>\n";
    }

    /** The host for a metadata-document client (no remote fetch for a list page), else the claimed, cleaned name. */
    private static String clientName(String clientId, Optional<RegisteredClient> client) {
        if (ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return URI.create(clientId).getHost();
        }
        String name =
                UntrustedText.clean(client.flatMap(RegisteredClient::clientName).orElse(null));
        return client.isEmpty() ? "(unregistered application)" : name.isEmpty() ? "(no name)" : name;
    }
}
