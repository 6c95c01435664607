package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.query;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.pages.Html;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.registration.Registration;
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
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code /oauth/console/machine-clients}: an operator provisions a machine client ({@code client_credentials}) with a
 * name, a scope allowlist among the scopes this server supports and an authentication method, through the registry
 * ({@link ClientRegistrationService#provisionMachineClient}). The answer shows the client id and the secret this once
 * ({@code no-store}); the secret is in no later page, audit record or log. A refused form (an empty or over-long
 * name, an unknown scope) is answered with the form again and its reason (400), and nothing is stored.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 section 4.4</a>
 */
@Path("/console/machine-clients")
@RequestScoped
public class MachineClientPage {

    static final String PROVISION = "console-provision-machine-client";
    /** The form token's target: there is no client yet, so the form itself. */
    private static final String TARGET = "new-machine-client";

    @EJB
    private ClientRegistrationService registry;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private SignedInUser signedIn;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        return refusal.orElseGet(() -> page(operator, 200, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response provision(MultivaluedMap<String, String> form) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!signedIn.genuine(http, operator, form, PROVISION, TARGET)) {
            return ConsoleHtml.forgedForm(http.getContextPath());
        }
        List<String> allowlist = form.get("scope") == null
                ? List.of()
                : form.get("scope").stream().limit(100).toList();
        String method = form.getFirst("auth_method") == null ? "client_secret_basic" : form.getFirst("auth_method");
        try {
            Registration created =
                    registry.provisionMachineClient(form.getFirst("name"), allowlist, method, operator.subject());
            return created(operator, created);
        } catch (OAuthException refused) {
            return page(operator, 400, refused.error().description());
        }
    }

    private Response created(RealmUser operator, Registration created) {
        String base = http.getContextPath();
        String body = ConsoleAccess.header(base, operator, "New machine client")
                + "<p class=\"lead\">The machine client <strong id=\"client-name\">"
                + escape(created.metadata().getString("client_name", ""))
                + "</strong> may get tokens with the <code>client_credentials</code> grant for the scopes <code"
                + " id=\"client-scopes\">"
                + escape(created.metadata().getString("scope", "")) + "</code>, authenticating with <code>"
                + escape(created.metadata().getString("token_endpoint_auth_method", "")) + "</code>.</p>\n"
                + "<dl class=\"facts\"><dt>Client id</dt><dd><code id=\"client-id\">" + escape(created.clientId())
                + "</code></dd><dt>Client secret</dt><dd><code id=\"new-secret\">"
                + escape(created.clientSecret())
                + "</code></dd></dl>\n<p>The secret is shown this once: put it in the service's secret store now."
                + " Rotate it on the client's page if it is lost.</p>\n<p><a id=\"client-page\" href=\""
                + escape(base) + "/console/client?id=" + escape(query(created.clientId()))
                + "\">The client's page</a></p>\n";
        return ConsoleHtml.page(base, "New machine client", body);
    }

    private Response page(RealmUser operator, int status, String problem) {
        String base = http.getContextPath();
        StringBuilder body = new StringBuilder(ConsoleAccess.header(base, operator, "Provision a machine client"))
                .append("<p>A machine client acts for itself, with no user behind it (RFC 6749 section 4.4). It may ")
                .append("get the scopes you allow here and no others.</p>\n");
        if (problem != null) {
            body.append("<p class=\"error\" id=\"problem\" role=\"alert\">")
                    .append(escape(problem))
                    .append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"")
                .append(escape(base))
                .append("/console/machine-clients\" id=\"provision\">")
                .append(Html.hidden("csrf_token", signedIn.token(operator, PROVISION, TARGET)))
                .append("<p><label for=\"name\">Name</label> <input type=\"text\" id=\"name\" name=\"name\" required")
                .append(" maxlength=\"")
                .append(ClientRegistrationService.MAX_MACHINE_CLIENT_NAME)
                .append("\"></p>\n<fieldset><legend>Scopes it may get</legend>");
        for (String scope : new TreeSet<>(scopes.all())) {
            String id = "scope-" + scope.replaceAll("[^A-Za-z0-9_-]", "-");
            body.append("<p><input type=\"checkbox\" name=\"scope\" id=\"")
                    .append(escape(id))
                    .append("\" value=\"")
                    .append(escape(scope))
                    .append("\"> <label for=\"")
                    .append(escape(id))
                    .append("\">")
                    .append(escape(scope))
                    .append("</label></p>");
        }
        body.append("</fieldset>\n<p><label for=\"auth_method\">Authentication at the token endpoint</label> ")
                .append("<select id=\"auth_method\" name=\"auth_method\">")
                .append("<option value=\"client_secret_basic\" selected>client_secret_basic (HTTP Basic)</option>")
                .append("<option value=\"client_secret_post\">client_secret_post (in the form)</option>")
                .append("</select></p>\n<p><button type=\"submit\" id=\"provision-submit\">Provision</button></p>")
                .append("</form>\n");
        Response page = ConsoleHtml.page(base, "Provision a machine client", body.toString());
        return status == 200
                ? page
                : PageHeaders.html(status, Html.page(base, "Provision a machine client", body.toString()));
    }
}
