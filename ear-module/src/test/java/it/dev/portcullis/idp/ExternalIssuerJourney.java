package it.dev.portcullis.idp;

import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.SdkClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The external-issuer journey's MCP client is a real one: the official TypeScript SDK ({@link SdkClient}, scenario
 * {@code external-issuer} of {@code src/e2e/client/journey.mjs}) with the credentials of a client pre-registered at
 * Keycloak. It does the MCP authorization flow itself: the 401 from {@code /mcp} sends it to the protected resource
 * metadata, which names Keycloak as the authorization server; it reads Keycloak's metadata and gets a
 * client-credentials token from Keycloak's token endpoint (no dynamic registration, which a corporate IdP
 * typically does not offer), then calls {@code who_am_i}, {@code add_pet} and {@code remove_pet} with it.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-discovery">MCP
 *      authorization: authorization server discovery</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 section 4.4 (client credentials)</a>
 */
final class ExternalIssuerJourney {

    private static final List<String> CONNECT = List.of("discovery", "token");

    private final SdkClient sdk;
    private final URI mcp;
    private final Keycloak keycloak;

    ExternalIssuerJourney(String origin, Keycloak keycloak) throws Exception {
        this.sdk = SdkClient.install();
        this.mcp = URI.create(origin + "/mcp");
        this.keycloak = keycloak;
    }

    /** What the SDK client saw when its token was accepted. */
    record Calls(String discovery, JsonObject token, JsonObject whoAmI, JsonObject removal) {}

    /** What the SDK client saw when {@code /mcp} refused the token Keycloak gave it. */
    record Refusal(String discovery, JsonObject token, int status, BearerChallenge challenge) {}

    /** {@code clientId}'s token is accepted: who_am_i, then add_pet and remove_pet. */
    Calls callTools(String clientId) throws Exception {
        Map<String, String> steps = run(clientId, List.of("identity", "remove-pet"));
        return new Calls(
                steps.get("discovery"),
                McpClientJourney.json(steps.get("token")),
                McpClientJourney.json(steps.get("identity")),
                McpClientJourney.json(steps.get("remove-pet")));
    }

    /** {@code clientId}'s token is refused by {@code /mcp}: the status and challenge of the SDK's last request. */
    Refusal refused(String clientId) throws Exception {
        Map<String, String> steps = run(clientId, List.of("refused"));
        JsonObject refused = McpClientJourney.json(steps.get("refused"));
        return new Refusal(
                steps.get("discovery"),
                McpClientJourney.json(steps.get("token")),
                refused.getInt("status"),
                BearerChallenge.parse(refused.getString("challenge", null)));
    }

    private Map<String, String> run(String clientId, List<String> then) throws Exception {
        List<String> steps = new java.util.ArrayList<>(CONNECT);
        steps.addAll(then);
        return sdk.run(
                "external-issuer",
                "external-issuer-" + clientId,
                mcp,
                Map.of(
                        "E2E_IDP_ISSUER", keycloak.issuer(),
                        "E2E_CLIENT_ID", clientId,
                        "E2E_CLIENT_SECRET", keycloak.agentSecret()),
                steps);
    }
}
