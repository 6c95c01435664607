package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.button;
import static dev.portcullis.oauth.console.ConsoleHtml.query;
import static dev.portcullis.oauth.console.ConsoleHtml.when;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditFilter;
import dev.portcullis.audit.AuditRecords;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.client.DisabledClients;
import dev.portcullis.oauth.client.MachineClients;
import dev.portcullis.oauth.grants.ActiveGrant;
import dev.portcullis.oauth.grants.ClientSummary;
import dev.portcullis.oauth.grants.Grants;
import dev.portcullis.oauth.model.MachineClient;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.pages.PageHeaders;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /oauth/console}: the operator console, open to members of the realm group
 * {@code portcullis.console.operator-group} only (everyone else signed in gets 403). The registered clients with
 * search and paging; a client's detail with its active grants, each revocable per family and per user, and a
 * button that revokes everything the client holds; a user's grants with a button that revokes them all.
 */
@Path("/console")
@RequestScoped
public class ConsolePage {

    static final String REVOKE_FAMILY = "console-revoke-family";
    static final String REVOKE_USER_CLIENT = "console-revoke-user-client";
    static final String REVOKE_USER = "console-revoke-user";
    static final String REVOKE_CLIENT = "console-revoke-client";
    static final String DELETE_CLIENT = "console-delete-client";
    static final String ROTATE_SECRET = "console-rotate-client-secret";
    static final String DISABLE_CLIENT = "console-disable-client";
    static final String ENABLE_CLIENT = "console-enable-client";
    private static final int MAX_SEARCH = 200;

    @EJB
    private Grants grants;

    @EJB
    private ClientRegistrationService registry;

    @EJB
    private DisabledClients disabledClients;

    @EJB
    private AuditRecords audit;

    @Inject
    private MachineClients machineClients;

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
    public Response clients(@QueryParam("q") String search, @QueryParam("page") String pageParameter) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = refusal(operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        String q = search == null ? "" : search.strip();
        q = q.length() > MAX_SEARCH ? q.substring(0, MAX_SEARCH) : q;
        int page = page(pageParameter);
        List<ClientSummary> rows = grants.clients(q, page);
        StringBuilder body = new StringBuilder(header(base, operator, "Clients"));
        body.append("<form method=\"get\" action=\"")
                .append(escape(base))
                .append("/console\" role=\"search\">")
                .append("<label for=\"q\">Search clients by id, name or metadata</label> ")
                .append("<input type=\"search\" id=\"q\" name=\"q\" maxlength=\"")
                .append(MAX_SEARCH)
                .append("\" value=\"")
                .append(escape(q))
                .append("\"> <button type=\"submit\" id=\"search\">Search</button></form>\n")
                .append("<p><a id=\"provision-machine-client\" href=\"")
                .append(escape(base))
                .append("/console/machine-clients\">Provision a machine client (client_credentials)</a></p>\n");
        if (rows.isEmpty()) {
            body.append("<p id=\"no-clients\">No client matches.</p>\n");
        } else {
            body.append("<table class=\"consents\" id=\"clients\">\n<caption>Registered clients, newest first (page ")
                    .append(page + 1)
                    .append(")</caption>\n<tr><th scope=\"col\">Client</th><th scope=\"col\">Authentication</th>")
                    .append(
                            "<th scope=\"col\">Registered</th><th scope=\"col\">Last used</th><th scope=\"col\">Active families</th>")
                    .append("<th scope=\"col\">Status</th></tr>\n");
            Set<String> disabled = disabledClients.among(
                    rows.stream().map(ClientSummary::clientId).toList());
            rows.stream()
                    .limit(Grants.PAGE_SIZE)
                    .forEach(c -> body.append("<tr><td><a href=\"")
                            .append(escape(base))
                            .append("/console/client?id=")
                            .append(escape(query(c.clientId())))
                            .append("\">")
                            .append(ConsoleHtml.name(c.clientName()))
                            .append("</a><br><code class=\"client-id\">")
                            .append(escape(c.clientId()))
                            .append("</code></td><td>")
                            .append(escape(c.tokenEndpointAuthMethod()))
                            .append("</td><td>")
                            .append(when(c.issuedAt()))
                            .append("</td><td>")
                            .append(when(c.lastUsedAt()))
                            .append("</td><td>")
                            .append(c.activeFamilies())
                            .append("</td><td class=\"client-status\">")
                            .append(disabled.contains(c.clientId()) ? "disabled" : "enabled")
                            .append("</td></tr>\n"));
            body.append("</table>\n");
        }
        body.append("<nav aria-label=\"Result pages\"><ul>");
        if (page > 0) {
            body.append("<li><a id=\"previous-page\" href=\"")
                    .append(escape(base))
                    .append("/console?q=")
                    .append(escape(query(q)))
                    .append("&amp;page=")
                    .append(page - 1)
                    .append("\">Previous page</a></li>");
        }
        if (rows.size() > Grants.PAGE_SIZE) {
            body.append("<li><a id=\"next-page\" href=\"")
                    .append(escape(base))
                    .append("/console?q=")
                    .append(escape(query(q)))
                    .append("&amp;page=")
                    .append(page + 1)
                    .append("\">Next page</a></li>");
        }
        body.append("</ul></nav>\n");
        return ConsoleHtml.page(base, "Operator console", body.toString());
    }

    @GET
    @Path("/client")
    @Produces(MediaType.TEXT_HTML)
    public Response client(@QueryParam("id") String clientId) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = refusal(operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        Optional<ClientSummary> client = grants.client(clientId);
        List<ActiveGrant> active = clientId == null ? List.of() : grants.ofClient(clientId);
        Optional<MachineClient> configured = client.isEmpty() ? machineClients.find(clientId) : Optional.empty();
        Optional<DisabledClients.Disabled> disabled = disabledClients.of(clientId);
        if (client.isEmpty() && active.isEmpty() && configured.isEmpty() && disabled.isEmpty()) {
            return ConsoleHtml.page(
                    base,
                    "Unknown client",
                    header(base, operator, "Unknown client")
                            + "<p id=\"unknown-client\">No client is registered under this id, and none holds a grant.</p>\n");
        }
        StringBuilder body = new StringBuilder(header(base, operator, "Client"));
        body.append("<dl class=\"facts\"><dt>Name (claimed by the client)</dt><dd id=\"client-name\">")
                .append(client.map(c -> ConsoleHtml.name(c.clientName()))
                        .or(() -> configured.map(m -> ConsoleHtml.name(m.name())))
                        .orElseGet(() -> ConsoleHtml.unregistered(clientId)))
                .append("</dd><dt>Client id</dt><dd><code id=\"client-id\">")
                .append(escape(clientId))
                .append("</code></dd>");
        client.ifPresent(c -> body.append("<dt>Authentication</dt><dd>")
                .append(escape(c.tokenEndpointAuthMethod()))
                .append("</dd><dt>Registered</dt><dd>")
                .append(when(c.issuedAt()))
                .append("</dd><dt>Last used</dt><dd>")
                .append(when(c.lastUsedAt()))
                .append("</dd>"));
        client.flatMap(c -> registry.find(clientId)).ifPresent(registered -> body.append(metadataFacts(registered)));
        configured.ifPresent(m -> body.append("<dt>Provisioned</dt><dd>in the server's configuration</dd>"));
        body.append("<dt>Tokens issued</dt><dd id=\"tokens-issued\">")
                .append(audit.count(new AuditFilter(
                        null, null, null, clientId, AuditEventType.TOKEN_ISSUED.wireName(), null, null, null, null)))
                .append(" <small>(token responses in the audit trail's retention)</small></dd>");
        body.append("<dt>Status</dt><dd id=\"client-status\">")
                .append(disabled.map(d -> "disabled since " + when(d.at()) + " by " + escape(d.by()))
                        .orElse("enabled"))
                .append("</dd><dt>Active families</dt><dd id=\"active-families\">")
                .append(active.size())
                .append("</dd></dl>\n");
        body.append("<p><a id=\"timeline\" href=\"")
                .append(escape(base))
                .append("/console/audit/timeline?client=")
                .append(escape(query(clientId)))
                .append("\">Flow timeline: this client's recent OAuth attempts, step by step</a></p>\n");
        body.append(grantTable(operator, base, active, "client", clientId, true));
        body.append(button(
                base + "/console/revoke-client",
                signedIn.token(operator, REVOKE_CLIENT, clientId),
                "Revoke everything this client holds",
                "Revoke every token of client " + clientId,
                "revoke-client",
                "client_id",
                clientId));
        body.append(
                disabled.isPresent()
                        ? button(
                                base + "/console/enable-client",
                                signedIn.token(operator, ENABLE_CLIENT, clientId),
                                "Enable client",
                                "Enable client " + clientId + " so that it may get new grants",
                                "enable-client",
                                "client_id",
                                clientId)
                        : button(
                                base + "/console/disable-client",
                                signedIn.token(operator, DISABLE_CLIENT, clientId),
                                "Disable client",
                                "Disable client " + clientId
                                        + " and revoke everything it holds, keeping its registration",
                                "disable-client",
                                "client_id",
                                clientId));
        client.filter(c -> !"none".equals(c.tokenEndpointAuthMethod()))
                .ifPresent(c -> body.append(button(
                        base + "/console/rotate-secret",
                        signedIn.token(operator, ROTATE_SECRET, clientId),
                        "Rotate client secret",
                        "Issue a new secret for client " + clientId + "; the old one stops working",
                        "rotate-secret",
                        "client_id",
                        clientId)));
        client.ifPresent(c -> body.append(button(
                base + "/console/delete-client",
                signedIn.token(operator, DELETE_CLIENT, clientId),
                "Delete client",
                "Delete client " + clientId + " and revoke everything it holds",
                "delete-client",
                "client_id",
                clientId)));
        return ConsoleHtml.page(base, "Client", body.toString());
    }

    @GET
    @Path("/user")
    @Produces(MediaType.TEXT_HTML)
    public Response user(@QueryParam("subject") String subject) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = refusal(operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        List<ActiveGrant> active = subject == null ? List.of() : grants.ofSubject(subject);
        StringBuilder body = new StringBuilder(header(base, operator, "User"));
        body.append("<p>Grants of <strong id=\"user-subject\">")
                .append(escape(subject))
                .append("</strong>.</p>\n");
        body.append(grantTable(operator, base, active, "user", subject, false));
        if (!active.isEmpty()) {
            body.append(button(
                    base + "/console/revoke-user",
                    signedIn.token(operator, REVOKE_USER, subject),
                    "Revoke all grants of this user",
                    "Revoke every grant of user " + subject,
                    "revoke-user",
                    "subject",
                    subject));
        }
        return ConsoleHtml.page(base, "User", body.toString());
    }

    @POST
    @Path("/revoke-family")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revokeFamily(MultivaluedMap<String, String> form) {
        String familyId = form.getFirst("family_id");
        return change(form, REVOKE_FAMILY, familyId, () -> {
            grants.revokeFamily(familyId, null, "operator");
            return back(form);
        });
    }

    @POST
    @Path("/revoke-user-client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revokeUserClient(MultivaluedMap<String, String> form) {
        String subject = form.getFirst("subject");
        String clientId = form.getFirst("client_id");
        String target = subject == null || clientId == null ? null : subject + "\n" + clientId;
        return change(form, REVOKE_USER_CLIENT, target, () -> {
            grants.revokeClientFor(subject, clientId, "operator");
            return back(form);
        });
    }

    @POST
    @Path("/revoke-user")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revokeUser(MultivaluedMap<String, String> form) {
        String subject = form.getFirst("subject");
        return change(form, REVOKE_USER, subject, () -> {
            grants.revokeAllOf(subject, "operator");
            return redirect("/console/user?subject=" + query(subject));
        });
    }

    @POST
    @Path("/revoke-client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revokeClient(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        return change(form, REVOKE_CLIENT, clientId, () -> {
            grants.revokeClient(clientId, "operator");
            return redirect("/console/client?id=" + query(clientId));
        });
    }

    /**
     * Disables a client, whatever its kind, without deleting it: it gets no new grant, and everything it holds is
     * revoked ({@link DisabledClients#disable}).
     */
    @POST
    @Path("/disable-client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response disableClient(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        return change(form, DISABLE_CLIENT, clientId, () -> {
            disabledClients.disable(clientId, signedIn.of(http, httpResponse).subject());
            return redirect("/console/client?id=" + query(clientId));
        });
    }

    /** Enables a disabled client: new grants work again; what the disable revoked stays revoked. */
    @POST
    @Path("/enable-client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response enableClient(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        return change(form, ENABLE_CLIENT, clientId, () -> {
            disabledClients.enable(clientId, signedIn.of(http, httpResponse).subject());
            return redirect("/console/client?id=" + query(clientId));
        });
    }

    /**
     * Deletes a registered client: first everything it holds (families, codes, access tokens, remembered consents),
     * then its registration, so its secret and registration token stop working.
     */
    @POST
    @Path("/delete-client")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response deleteClient(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        return change(form, DELETE_CLIENT, clientId, () -> {
            RealmUser operator = signedIn.of(http, httpResponse);
            grants.revokeClient(clientId, "operator");
            registry.deleteAsOperator(clientId, operator.subject());
            return redirect("/console/client?id=" + query(clientId));
        });
    }

    /** A new secret for a confidential client, shown on this one answer only (no-store) and never again. */
    @POST
    @Path("/rotate-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rotateSecret(MultivaluedMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        return change(form, ROTATE_SECRET, clientId, () -> {
            RealmUser operator = signedIn.of(http, httpResponse);
            String base = http.getContextPath();
            return registry.rotateSecret(clientId, operator.subject())
                    .map(secret -> ConsoleHtml.page(
                            base,
                            "New client secret",
                            header(base, operator, "New client secret")
                                    + "<p class=\"lead\">The new secret of <code id=\"client-id\">" + escape(clientId)
                                    + "</code>. It is shown"
                                    + " this once: copy it into the client's configuration now. The old secret no longer works.</p>\n"
                                    + "<p><code id=\"new-secret\">" + escape(secret) + "</code></p>\n<p><a href=\""
                                    + escape(base)
                                    + "/console/client?id=" + escape(query(clientId))
                                    + "\">Back to the client</a></p>\n"))
                    .orElseGet(
                            () -> ConsoleHtml.page(
                                    base,
                                    "No secret",
                                    header(base, operator, "No secret")
                                            + "<p id=\"no-secret\">This client is not registered or has no secret (a public client).</p>\n"));
        });
    }

    /** Runs {@code change} for an operator whose form is genuine (this origin, its token for this action and target). */
    private Response change(
            MultivaluedMap<String, String> form, String action, String target, Supplier<Response> change) {
        RealmUser operator = signedIn.of(http, httpResponse);
        return refusal(operator)
                .or(() -> forged(operator, form, action, target))
                .orElseGet(change);
    }

    private Optional<Response> refusal(RealmUser user) {
        return ConsoleAccess.refusal(signedIn, http, user);
    }

    private Optional<Response> forged(
            RealmUser operator, MultivaluedMap<String, String> form, String action, String target) {
        return signedIn.genuine(http, operator, form, action, target)
                ? Optional.empty()
                : Optional.of(ConsoleHtml.forgedForm(http.getContextPath()));
    }

    /** Back to the console page the form was on (a client's or a user's); only ever a path of this console. */
    private Response back(MultivaluedMap<String, String> form) {
        String page = form.getFirst("back");
        String key = form.getFirst("back_key");
        if ("user".equals(page) && key != null) {
            return redirect("/console/user?subject=" + query(key));
        }
        if ("client".equals(page) && key != null) {
            return redirect("/console/client?id=" + query(key));
        }
        return redirect("/console");
    }

    private Response redirect(String path) {
        // Absolute from the application's base URI: RESTEasy prefixes a relative Location with it, context path and
        // all.
        return PageHeaders.secure(
                        Response.seeOther(URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + path)), null)
                .build();
    }

    private String grantTable(
            RealmUser operator, String base, List<ActiveGrant> active, String back, String backKey, boolean perUser) {
        if (active.isEmpty()) {
            return "<p id=\"no-grants\">No active grant.</p>\n";
        }
        StringBuilder table = new StringBuilder(
                        "<table class=\"consents\" id=\"grants\">\n<caption>Active grants (token families)")
                .append(
                        "</caption>\n<tr><th scope=\"col\">User</th><th scope=\"col\">Client</th><th scope=\"col\">Scopes</th>")
                .append(
                        "<th scope=\"col\">Since</th><th scope=\"col\">Last used</th><th scope=\"col\">Actions</th></tr>\n");
        for (ActiveGrant grant : active) {
            table.append("<tr><td><a href=\"")
                    .append(escape(base))
                    .append("/console/user?subject=")
                    .append(escape(query(grant.subject())))
                    .append("\">")
                    .append(escape(grant.subject()))
                    .append("</a></td><td><a href=\"")
                    .append(escape(base))
                    .append("/console/client?id=")
                    .append(escape(query(grant.clientId())))
                    .append("\"><code class=\"client-id\">")
                    .append(escape(grant.clientId()))
                    .append("</code></a></td><td>")
                    .append(escape(grant.scope()))
                    .append("</td><td>")
                    .append(when(grant.createdAt()))
                    .append("</td><td>")
                    .append(when(grant.lastUsedAt()))
                    .append("</td><td>")
                    .append(button(
                            base + "/console/revoke-family",
                            signedIn.token(operator, REVOKE_FAMILY, grant.familyId()),
                            "Revoke family",
                            "Revoke this token family of " + grant.subject() + " for " + grant.clientId(),
                            null,
                            "family_id",
                            grant.familyId(),
                            "back",
                            back,
                            "back_key",
                            backKey));
            if (perUser) {
                table.append(button(
                        base + "/console/revoke-user-client",
                        signedIn.token(operator, REVOKE_USER_CLIENT, grant.subject() + "\n" + grant.clientId()),
                        "Revoke user's grants to this client",
                        "Revoke every grant of " + grant.subject() + " to " + grant.clientId(),
                        null,
                        "subject",
                        grant.subject(),
                        "client_id",
                        grant.clientId(),
                        "back",
                        back,
                        "back_key",
                        backKey));
            }
            table.append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String header(String base, RealmUser operator, String title) {
        return ConsoleAccess.header(base, operator, title);
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What the client registered, as facts an operator checks (where it may send users, what it may ask for); the
     * values are the client's own claims, escaped and never links. Secrets are never part of the stored metadata.
     */
    private static String metadataFacts(RegisteredClient client) {
        JsonObject metadata = client.metadata();
        StringBuilder facts = new StringBuilder("<dt>Redirect URIs</dt><dd id=\"redirect-uris\">");
        List<String> redirects = client.redirectUris();
        facts.append(redirects.isEmpty() ? "none" : "<ul>");
        redirects.forEach(uri -> facts.append("<li><code>").append(escape(uri)).append("</code></li>"));
        facts.append(redirects.isEmpty() ? "" : "</ul>")
                .append("</dd><dt>Grant types</dt><dd id=\"grant-types\">")
                .append(escape(String.join(" ", client.grantTypes())))
                .append("</dd><dt>Registered scope</dt><dd id=\"registered-scope\">")
                .append(client.scope().map(ConsolePage::code).orElse("none (the server's defaults)"))
                .append("</dd>");
        for (String field : List.of("client_uri", "software_id", "software_version")) {
            JsonValue value = metadata.get(field);
            if (value instanceof JsonString text) {
                facts.append("<dt><code>")
                        .append(field)
                        .append("</code> (claimed)</dt><dd>")
                        .append(code(text.getString()))
                        .append("</dd>");
            }
        }
        return facts.toString();
    }

    private static String code(String value) {
        return "<code>" + escape(value) + "</code>";
    }
}
