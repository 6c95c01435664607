package it.dev.portcullis.idp;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The demo tool {@code downstream_whoami} calls a real downstream API ({@link DownstreamEchoService}, which accepts
 * only Keycloak-signed tokens) on behalf of the MCP caller: Portcullis trusts Keycloak's tokens at {@code /mcp}
 * (external-issuer mode) and exchanges the caller's token at Keycloak (RFC 8693, standard token exchange V2) for one
 * of the downstream's own; the caller's token itself never leaves Portcullis (MCP authorization, token passthrough).
 * The second demo tool, {@code downstream_service_whoami}, calls the same downstream in the server's own name with a
 * client-credentials token ({@code client_secret_post}). A refused exchange must also leave a
 * {@code downstream.token.failed} audit record. Token requests pass a {@link CountingTokenProxy}. The tests run as
 * {@code KeycloakExternalIssuerIT.OutboundCredentials} on that class's server, which is configured for the downstream
 * {@code demo} too, to save a server start.
 */
abstract class DownstreamToolCalls {

    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private static Keycloak keycloak() {
        return KeycloakExternalIssuerIT.keycloak;
    }

    private static DownstreamEchoService downstream() {
        return KeycloakExternalIssuerIT.downstream;
    }

    private static CountingTokenProxy proxy() {
        return KeycloakExternalIssuerIT.proxy;
    }

    private static it.dev.portcullis.support.AlternateServer server() {
        return KeycloakExternalIssuerIT.server;
    }

    @Test
    void theDownstreamSeesAliceForAlicesCallAndBobForBobsButNeverTheirOwnTokens() throws Exception {
        String alice = userToken("alice");
        String bob = userToken("bob");

        JsonObject forAlice = seen(call(alice));
        JsonObject forBob = seen(call(bob));

        assertThat(forAlice.getString("preferred_username")).isEqualTo("alice");
        assertThat(forBob.getString("preferred_username")).isEqualTo("bob");
        assertThat(forAlice.getString("azp"))
                .as("a token of the exchanger, not of the MCP client")
                .isEqualTo("downstream-exchanger");
        assertThat(downstream().received)
                .as("the MCP callers' own tokens never reach the downstream")
                .noneMatch(header -> header.contains(alice) || header.contains(bob));
    }

    @Test
    void parallelCallsOfOneUserCauseOneTokenExchange() throws Exception {
        String frank = userToken("frank");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<JsonObject> results = new ArrayList<>();
        try {
            List<Future<JsonObject>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> call(frank)));
            }
            for (Future<JsonObject> call : calls) {
                results.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results)
                .allSatisfy(result ->
                        assertThat(seen(result).getString("preferred_username")).isEqualTo("frank"));
        assertThat(exchangesFor(frank))
                .as("token exchanges for 8 parallel calls of frank")
                .isEqualTo(1);
    }

    @Test
    void aTokenTheDownstreamRejectsIsDroppedAndExchangedOnceMore() throws Exception {
        String grace = userToken("grace");
        assertThat(seen(call(grace)).getString("preferred_username")).isEqualTo("grace");
        List<String> accepted = downstream().accepted;
        String first = accepted.get(accepted.size() - 1);
        downstream().revoke(first);

        JsonObject after = call(grace);

        assertThat(seen(after).getString("preferred_username")).isEqualTo("grace");
        assertThat(exchangesFor(grace))
                .as("the first exchange and one after the downstream's 401")
                .isEqualTo(2);
        assertThat(accepted.get(accepted.size() - 1)).isNotEqualTo(first);
    }

    @Test
    void aRefusedExchangeIsAToolErrorThatShowsNoToken() throws Exception {
        // A service account's token names only /mcp as audience: Keycloak refuses to exchange it for the exchanger.
        String agent = keycloak().clientCredentialsToken("mcp-agent");
        // The server's database outlives a run (target/): only this call's record counts.
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);

        JsonObject result = call(agent);

        assertThat(result.getBoolean("isError", false)).as(result.toString()).isTrue();
        String text = result.getJsonArray("content").getJsonObject(0).getString("text");
        assertThat(text)
                .startsWith("No access token for the downstream API 'demo': its authorization server refused "
                        + "the token request")
                .doesNotContain(agent)
                .doesNotContain(keycloak().agentSecret());
        assertThat(downstream().received).noneMatch(header -> header.contains(agent));

        // The failure is an audit event of its own (src/docs/audit.md): the downstream and a safe reason code.
        JsonObject record = awaitAudit("downstream.token.failed", "service-account-mcp-agent", before);
        assertThat(record.getString("outcome")).isEqualTo("failed");
        assertThat(record.getString("target")).isEqualTo("downstream_whoami");
        assertThat(record.getJsonObject("details").getString("downstream")).isEqualTo("demo");
        assertThat(record.getJsonObject("details").getString("reason")).startsWith("token_refused:");
        assertThat(record.toString())
                .doesNotContain(agent)
                .doesNotContain(keycloak().agentSecret());
    }

    /**
     * Client credentials through the tool ({@code downstream_service_whoami}, downstream {@code demo-service},
     * {@code client_secret_post}): parallel calls of alice and bob share one Keycloak token, which names the server's
     * client, not the callers; a downstream 401 to it causes exactly one new token request and the call succeeds.
     */
    @Test
    void clientCredentialsThroughTheToolOneTokenForParallelCallsAndOneRefetchAfterA401() throws Exception {
        String alice = userToken("alice");
        String bob = userToken("bob");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<JsonObject> results = new ArrayList<>();
        try {
            List<Future<JsonObject>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String caller = i % 2 == 0 ? alice : bob;
                calls.add(pool.submit(() -> call(caller, "downstream_service_whoami")));
            }
            for (Future<JsonObject> call : calls) {
                results.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results)
                .allSatisfy(result -> assertThat(seen(result).getString("preferred_username"))
                        .isEqualTo("service-account-downstream-exchanger"));
        List<String> requests = clientCredentialsRequests();
        assertThat(requests)
                .as("client-credentials token requests for 8 parallel calls")
                .hasSize(1);
        assertThat(requests.get(0)).contains("client_id=downstream-exchanger").contains("client_secret=");
        assertThat(downstream().received)
                .as("the MCP callers' own tokens never reach the downstream")
                .noneMatch(header -> header.contains(alice) || header.contains(bob));

        List<String> accepted = downstream().accepted;
        String first = accepted.get(accepted.size() - 1);
        downstream().revoke(first);
        JsonObject after = call(alice, "downstream_service_whoami");

        assertThat(seen(after).getString("preferred_username")).isEqualTo("service-account-downstream-exchanger");
        assertThat(clientCredentialsRequests())
                .as("one new token request after the downstream's 401")
                .hasSize(2);
        assertThat(accepted.get(accepted.size() - 1)).isNotEqualTo(first);
    }

    private static List<String> clientCredentialsRequests() {
        return proxy().bodies.stream()
                .filter(body -> body.contains("grant_type=client_credentials"))
                .toList();
    }

    /** An audit record of {@code type} for {@code subject} since {@code from}, read by the demo realm's auditor (async writes). */
    private static JsonObject awaitAudit(String type, String subject, java.time.Instant from) throws Exception {
        String basic = Base64.getEncoder().encodeToString("auditor:auditor-password".getBytes(StandardCharsets.UTF_8));
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = Https.client()
                    .send(
                            HttpRequest.newBuilder(
                                            server().url("/oauth/admin/audit?limit=100&type=" + type + "&from=" + from))
                                    .header("Authorization", "Basic " + basic)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (jakarta.json.JsonValue value :
                    McpClientJourney.json(response.body()).getJsonArray("records")) {
                JsonObject record = value.asJsonObject();
                if (subject.equals(record.getString("subject", null))) {
                    return record;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + type + " audit record for " + subject);
    }

    private static JsonObject call(String accessToken) throws Exception {
        return call(accessToken, "downstream_whoami");
    }

    private static JsonObject call(String accessToken, String tool) throws Exception {
        McpHttp mcp = McpHttp.to(server().url("/mcp")).header("Authorization", "Bearer " + accessToken);
        McpHttp.Answer initialized = mcp.post(INITIALIZE);
        assertThat(initialized.status()).as(initialized.response().body()).isEqualTo(200);
        String session =
                initialized.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
        McpHttp.Answer answer = mcp.header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{}}"));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.result();
    }

    /** What the downstream answered, as the tool returned it. */
    private static JsonObject seen(JsonObject result) {
        assertThat(result.getBoolean("isError", false)).as(result.toString()).isFalse();
        return McpClientJourney.json(
                result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    private static long exchangesFor(String subjectToken) {
        String encoded = java.net.URLEncoder.encode(subjectToken, StandardCharsets.UTF_8);
        return proxy().bodies.stream()
                .filter(body -> body.contains("subject_token=" + encoded))
                .count();
    }

    /** A user's Keycloak token for /mcp (audience also downstream-exchanger), by the test-only mcp-user-app. */
    private static String userToken(String user) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("mcp-user-app:" + keycloak().agentSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak().tokenEndpoint()))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&username=" + user + "&password=" + user + "-password"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpClientJourney.json(response.body()).getString("access_token");
    }
}
