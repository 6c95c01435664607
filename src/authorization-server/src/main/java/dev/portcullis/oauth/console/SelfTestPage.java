package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.console.ClientProfileCheck.Finding;
import dev.portcullis.oauth.console.ClientProfileCheck.Verdict;
import dev.portcullis.oauth.metadata.AuthorizationServerMetadata;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /oauth/console/selftest}: whether the known MCP clients can connect to this server as it is configured now,
 * for operators. It asks the server's own rules, in process: the issuer and resource URLs, the authorization server
 * metadata clients read, and for each client profile its registration, redirect URI, scope, resource and refresh,
 * with one verdict per client. It registers nothing and sends no request. What only the outside sees (TLS as the
 * clients' network sees it, the well-known paths through the balancer, a CIMD fetch) is the command-line
 * self-test's, whose command the page prints for this server's URL.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP authorization</a>
 */
@Path("/console/selftest")
@RequestScoped
public class SelfTestPage {

    @EJB
    private ClientRegistrationService registrations;

    @Inject
    private AuthorizationServerMetadata metadata;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private AuthServerConfig config;

    @Inject
    private SignedInUser signedIn;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response selfTest() {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        String resource = config.mcpResource();
        ClientProfileCheck check =
                new ClientProfileCheck(body -> registrations.wouldRegister(body), scopes.all(), resource);
        List<Verdict> verdicts =
                ClientProfiles.load().stream().map(check::check).toList();
        StringBuilder body = new StringBuilder(ConsoleAccess.header(base, operator, "Self-test"));
        body.append("<p>What MCP clients meet when they connect to <code>")
                .append(escape(resource))
                .append("</code>, checked against this server's own rules. Nothing is registered.</p>\n");
        body.append(findings("server", "This server as clients find it", serverFindings()));
        body.append(clientTable(verdicts));
        body.append("<h2>From the clients' network</h2>\n<p>This page sees the server from the inside. Run the")
                .append(" command-line self-test from a machine where the clients are, for TLS, the well-known")
                .append(" paths through your balancer, registration over HTTP and a client metadata document")
                .append(" fetch:</p>\n<pre id=\"selftest-command\"><code>java src/selftest/PortcullisSelfTest.java ")
                .append(escape(resource))
                .append("</code></pre>\n");
        return ConsoleHtml.page(base, "Self-test", body.toString());
    }

    private List<Finding> serverFindings() {
        List<Finding> findings = new ArrayList<>();
        String issuer = config.issuer();
        String resource = config.mcpResource();
        findings.add(https("Issuer", issuer));
        findings.add(https("MCP resource", resource));
        String here = origin(URI.create(http.getRequestURL().toString()));
        String issuerOrigin = origin(URI.create(issuer));
        findings.add(new Finding(
                here.equals(issuerOrigin),
                "Public origin",
                here.equals(issuerOrigin)
                        ? "this page was served at the issuer's origin " + issuerOrigin
                        : "this page was served at " + here + " but clients are sent to " + issuerOrigin
                                + ": set portcullis.oauth.issuer, or let the balancer pass the public Host through"));
        JsonObject document = metadata.document();
        findings.add(new Finding(
                issuer.equals(document.getString("issuer", null)),
                "Metadata issuer",
                "the metadata names " + document.getString("issuer", "no issuer")));
        findings.add(listed(document, "code_challenge_methods_supported", "S256", "PKCE"));
        findings.add(new Finding(
                document.containsKey("registration_endpoint"),
                "Dynamic client registration",
                document.getString("registration_endpoint", "no registration_endpoint")));
        boolean cimd = document.getBoolean("client_id_metadata_document_supported", false);
        findings.add(new Finding(
                cimd,
                "Client ID metadata documents",
                cimd ? "advertised" : "not advertised: clients that use them register instead"));
        return findings;
    }

    private static Finding https(String step, String url) {
        boolean secure = url.startsWith("https://");
        return new Finding(secure, step, secure ? url : url + " is not https: clients refuse it");
    }

    private static Finding listed(JsonObject document, String field, String value, String step) {
        JsonValue list = document.get(field);
        boolean present = list != null
                && list.getValueType() == JsonValue.ValueType.ARRAY
                && list.asJsonArray().stream().anyMatch(v -> v.toString().equals("\"" + value + "\""));
        return new Finding(present, step, field + (present ? " lists " : " lacks ") + value);
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return uri.getScheme().toLowerCase() + "://"
                + String.valueOf(uri.getHost()).toLowerCase() + (defaultPort ? "" : ":" + port);
    }

    private static String findings(String id, String caption, List<Finding> findings) {
        StringBuilder table = new StringBuilder("<table class=\"consents\" id=\"")
                .append(escape(id))
                .append("\">\n<caption>")
                .append(escape(caption))
                .append("</caption>\n<tr><th scope=\"col\">Check</th><th scope=\"col\">Result</th>")
                .append("<th scope=\"col\">Detail</th></tr>\n");
        for (Finding finding : findings) {
            table.append("<tr><td>")
                    .append(escape(finding.step()))
                    .append("</td><td class=\"")
                    .append(finding.passed() ? "pass\">pass" : "fail\">fail")
                    .append("</td><td>")
                    .append(escape(finding.detail()))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static String clientTable(List<Verdict> verdicts) {
        StringBuilder table = new StringBuilder("<table class=\"consents\" id=\"clients\">\n")
                .append("<caption>Known clients (src/selftest/client-profiles.json)</caption>\n")
                .append("<tr><th scope=\"col\">Client</th><th scope=\"col\">Verdict</th>")
                .append("<th scope=\"col\">What was checked</th></tr>\n");
        for (Verdict verdict : verdicts) {
            table.append("<tr id=\"client-")
                    .append(escape(verdict.profile().id()))
                    .append("\"><td>")
                    .append(escape(verdict.profile().client()))
                    .append("</td><td class=\"verdict ")
                    .append(verdict.ready() ? "pass\">ready" : "fail\">will not connect")
                    .append("</td><td><ul>");
            for (Finding finding : verdict.findings()) {
                table.append("<li>")
                        .append(finding.passed() ? "" : "<strong>fails:</strong> ")
                        .append(escape(finding.step() + ": " + finding.detail()))
                        .append("</li>");
            }
            table.append("</ul></td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }
}
