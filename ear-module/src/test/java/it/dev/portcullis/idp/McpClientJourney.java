package it.dev.portcullis.idp;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pieces of an MCP client the IdP tests need where the official SDK client ({@link RealmJourney}) is not the
 * point: a registered client's authorization URL (RFC 7591 registration, PKCE, the resource indicator) to open the
 * login pages whose errors are under test, and tool calls on {@code /mcp} over Streamable HTTP with a token from
 * elsewhere (Keycloak's, in external-issuer mode). Plain {@code java.net.http} over HTTPS against {@code origin}.
 */
final class McpClientJourney {

    private final String origin;
    private final String verifier;
    private final String state = "state-" + UUID.randomUUID();

    McpClientJourney(String origin) {
        this.origin = origin;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    String resource() {
        return origin + "/mcp";
    }

    /** Registers a public client for this loopback redirect URI; returns the authorization URL to open. */
    String authorizationUrl(String loopbackRedirectUri, String scope) throws Exception {
        HttpResponse<String> registered = post(
                "/oauth/register",
                "application/json",
                "{\"client_name\":\"IdP journey "
                        + UUID.randomUUID()
                        + "\",\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\","
                        + "\"refresh_token\"],\"redirect_uris\":[\"http://127.0.0.1/cb\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = json(registered.body()).getString("client_id");
        return origin + "/oauth/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        loopbackRedirectUri,
                        "code_challenge",
                        s256(verifier),
                        "code_challenge_method",
                        "S256",
                        "scope",
                        scope,
                        "resource",
                        resource(),
                        "state",
                        state));
    }

    /** initialize, then tools/call in that session (protocol 2025-11-25). */
    static Answer callTool(String resource, String accessToken, String tool, String arguments) throws Exception {
        McpHttp mcp = McpHttp.to(URI.create(resource)).header("Authorization", "Bearer " + accessToken);
        Answer initialized = mcp.post(request(
                "initialize",
                "{\"protocolVersion\":\"" + LEGACY
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"idp-it\",\"version\":\"1\"}}"));
        assertThat(initialized.status()).as(initialized.response().body()).isEqualTo(200);
        String session =
                initialized.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
        return mcp.header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}"));
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** The claims of a JWT, read without verifying it (the server under test verifies it). */
    static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(origin + path))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
