package dev.portcullis.oauth.console;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.inspector.ExchangeRedaction;
import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.oauth.cimd.TrustedCertificates;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.token.AccessTokenIssuer;
import dev.portcullis.oauth.token.IssuedAccessToken;
import dev.portcullis.oauth.token.TokenSubject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inspector's "try a tool": a real {@code tools/list} or {@code tools/call} at this server's own {@code /mcp},
 * as the signed-in user. The server mints the call's access token itself, for {@value #CLIENT_ID}, with the scopes
 * the user picked among the supported ones and a lifetime of {@link #LIFETIME}, uses it for this one request and
 * forgets it: the page gets the request (its {@code Authorization} redacted), the status, the response and any
 * {@code WWW-Authenticate} challenge, never the token. Every call is audited ({@code inspector.call}).
 */
@ApplicationScoped
public class TryTool {

    /** The {@code client_id} of the inspector's tokens; no registration or machine client can have it. */
    public static final String CLIENT_ID = "portcullis-inspector";

    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_CHARS = 64_000;

    @Inject
    private AccessTokenIssuer issuer;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private AuthServerConfig config;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /**
     * A client for one call, trusting the JDK's CAs plus the configured PEM file, read at each call so that a renewed
     * certificate is trusted without a restart (the inspector calls seldom).
     */
    private HttpClient client() throws IOException {
        try {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(TrustedCertificates.sslContext(
                            config.inspectorTrustedCertificates().map(Path::of)))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IOException("the trusted certificates could not be loaded", e);
        }
    }

    /** The scopes a user may put on the inspector's token: those the server supports. */
    Set<String> grantableScopes() {
        return new TreeSet<>(scopes.all());
    }

    /**
     * Sends {@code method} ({@code tools/list}, or {@code tools/call} of {@code tool} with {@code arguments}) as
     * {@code user}; what happened, as JSON for the page.
     */
    JsonObject call(RealmUser user, List<String> requestedScopes, String method, String tool, JsonObject arguments)
            throws InterruptedException {
        List<String> granted = requestedScopes.stream()
                .filter(scopes.all()::contains)
                .distinct()
                .sorted()
                .toList();
        IssuedAccessToken token = issuer.issue(
                new TokenSubject(user.subject(), user.groups(), config.mcpResource(), user.authenticatedAt()),
                CLIENT_ID,
                granted,
                null,
                clock.instant(),
                LIFETIME);
        JsonObjectBuilder params = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "_meta",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("io.modelcontextprotocol/protocolVersion", ProtocolVersion.MODERN)
                                .add("io.modelcontextprotocol/clientCapabilities", JsonObject.EMPTY_JSON_OBJECT)
                                .add(
                                        "io.modelcontextprotocol/clientInfo",
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("name", CLIENT_ID)
                                                .add("version", "1")));
        if (tool != null) {
            params.add("name", tool).add("arguments", arguments);
        }
        String body = Jsons.PROVIDER
                .createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", 1)
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        URI endpoint = URI.create(config.mcpResource());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", ProtocolVersion.MODERN)
                .header("Mcp-Method", method);
        if (tool != null) {
            request.header("Mcp-Name", tool);
        }
        JsonObjectBuilder shown = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "request",
                        "POST " + endpoint + "\nAuthorization: Bearer " + ExchangeRedaction.REDACTED
                                + "\nContent-Type: application/json\nMCP-Protocol-Version: " + ProtocolVersion.MODERN
                                + "\nMcp-Method: " + method + (tool == null ? "" : "\nMcp-Name: " + tool) + "\n\n"
                                + body)
                .add("scope", String.join(" ", granted));
        long started = System.nanoTime();
        int status;
        try {
            HttpResponse<String> response = client().send(
                            request.header("Authorization", "Bearer " + token.value())
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            String text = ExchangeRedaction.text(response.body());
            shown.add("status", status)
                    .add("response", text.length() <= MAX_RESPONSE_CHARS ? text : text.substring(0, MAX_RESPONSE_CHARS))
                    .add(
                            "challenge",
                            response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            status = 0;
            shown.add("status", 0)
                    .add(
                            "response",
                            "The server could not reach " + endpoint + ": "
                                    + e.getClass().getSimpleName())
                    .add("challenge", "");
        }
        shown.add("durationMillis", (System.nanoTime() - started) / 1_000_000);
        audit.record(AuditEvent.of(AuditEventType.INSPECTOR_CALL)
                .outcome(status >= 200 && status < 300 ? AuditEvent.OK : AuditEvent.FAILED)
                .subject(user.subject())
                .client(CLIENT_ID)
                .target(tool == null ? method : tool)
                .detail("scope", String.join(" ", granted))
                .detail("status", String.valueOf(status)));
        return shown.build();
    }
}
