package it.dev.portcullis.idp;

import it.dev.portcullis.support.SdkClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The realm journeys' MCP client is a real one: the official TypeScript SDK ({@link SdkClient}, scenario
 * {@code realm-login} of {@code src/e2e/client/journey.mjs}). Against the second server, with its realm, the SDK
 * does the MCP authorization flow itself (protected resource metadata, authorization server metadata, dynamic
 * registration, authorization code with PKCE and the resource indicator), while Chromium signs the user in on
 * {@code loginForm} and consents; then it calls {@code who_am_i}, steps up to {@code pets:write} for
 * {@code add_pet}, and calls {@code remove_pet}, which only {@code mcp-admins} may.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP authorization</a>
 */
final class RealmJourney {

    private static final List<String> STEPS =
            List.of("discovery", "registration", "authorization", "token", "identity", "step-up", "remove-pet");

    private final SdkClient sdk;
    private final URI mcp;
    private final String loginForm;

    /** {@code loginForm}: {@code portcullis} (the realm's FORM page) or {@code keycloak} (see browser.mjs). */
    RealmJourney(String origin, String loginForm) throws Exception {
        this.sdk = SdkClient.install();
        this.mcp = URI.create(origin + "/mcp");
        this.loginForm = loginForm;
    }

    /** What the SDK client saw as {@code user}; the scenario already checked the flow's steps themselves. */
    record Outcome(JsonObject identity, JsonObject removal) {

        /** The login page's URL without its query. */
        String loginPage() {
            return identity.getString("loginPage");
        }

        /** {@code who_am_i}'s structured content: name, groups and scopes as {@code /mcp} established them. */
        JsonObject whoAmI() {
            return identity.getJsonObject("whoAmI");
        }

        /** The access token's {@code iss}, {@code aud} and {@code groups}. */
        JsonObject token() {
            return identity.getJsonObject("token");
        }

        /** Every origin the SDK sent a request to. */
        List<String> sdkOrigins() {
            return PetTools.strings(identity.getJsonArray("sdkOrigins"));
        }
    }

    Outcome signIn(String user, String password) throws Exception {
        Map<String, String> steps = sdk.run(
                "realm-login",
                "realm-" + user,
                mcp,
                Map.of("E2E_USER", user, "E2E_PASSWORD", password, "E2E_LOGIN_FORM", loginForm),
                STEPS);
        return new Outcome(
                McpClientJourney.json(steps.get("identity")), McpClientJourney.json(steps.get("remove-pet")));
    }
}
