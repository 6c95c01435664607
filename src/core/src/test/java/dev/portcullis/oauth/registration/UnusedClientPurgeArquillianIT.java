package dev.portcullis.oauth.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.revocation.AccessTokenRevocations;
import dev.portcullis.oauth.token.FormParameters;
import dev.portcullis.oauth.token.TokenFamilies;
import dev.portcullis.oauth.token.TokenResponse;
import dev.portcullis.oauth.token.TokenService;
import dev.portcullis.testing.ProductWar;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unused registrations go away, on Liberty and Derby: a client that never obtained a token is removed once the
 * never-used lifetime (24 h) has passed, a client that did is kept until the unused lifetime (90 days) has passed
 * since its last token, and then removed the way an RFC 7592 deletion removes a client: its refresh tokens are refused
 * and every access token issued to it is revoked. The purge runs "in the future" by being given a
 * later instant, with the default lifetimes.
 */
@ExtendWith(ArquillianExtension.class)
class UnusedClientPurgeArquillianIT {

    private static final String RESOURCE = "https://localhost:9443/mcp";

    private static final String MACHINE_SCOPE = "purge:machine";

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-client-purge-it.war")
                .addClass(UnusedClientPurgeArquillianIT.class)
                // A scope for the provisioned machine client: this deployment has no tool that declares one.
                .addAsResource(
                        new StringAsset("portcullis.oauth.scopes=" + MACHINE_SCOPE + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @EJB
    private ClientRegistrationService registry;

    @EJB
    private UnusedClientPurge purge;

    @EJB
    private TokenFamilies families;

    @Inject
    private TokenService endpoint;

    @Inject
    private ClientResolver resolver;

    @Inject
    private ClientCleanupCounts counts;

    @Inject
    private AccessTokenRevocations revocations;

    @Test
    void purgeWhenClientsNeverUsedOrLongUnusedThenRemovedWithTheirGrantsAndRecentlyUsedOnesKept() {
        Instant now = Instant.now();
        RegisteredClient idle = client();
        RegisteredClient active = client();
        String provisioned = registry.provisionMachineClient(
                        "purge machine " + UUID.randomUUID(), List.of(MACHINE_SCOPE), "client_secret_basic", "auditor")
                .clientId();
        TokenResponse started = families.start(
                active,
                new AuthorizationGrant(
                        "g-" + UUID.randomUUID(),
                        active.clientId(),
                        "alice",
                        List.of("mcp-users"),
                        List.of("pets:read"),
                        RESOURCE,
                        now));
        TokenResponse refreshed = endpoint.handle(
                null,
                form(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        active.clientId(),
                        "refresh_token",
                        started.refreshToken()));
        long neverUsedBefore = counts.removedNeverUsed();
        long unusedBefore = counts.removedUnused();

        UnusedClientPurge.Removed dayLater = purge.purge(now.plus(Duration.ofHours(25)));

        assertTrue(registry.find(idle.clientId()).isEmpty(), "a client without any token 25 h after its registration");
        assertTrue(registry.find(active.clientId()).isPresent(), "a client that obtained a token");
        assertTrue(dayLater.neverUsed() >= 1);
        assertEquals(neverUsedBefore + dayLater.neverUsed(), counts.removedNeverUsed());
        purge.purge(now.plus(Duration.ofDays(89)));
        assertTrue(registry.find(active.clientId()).isPresent(), "kept 89 days after its last token");

        UnusedClientPurge.Removed quarterLater = purge.purge(now.plus(Duration.ofDays(91)));

        assertTrue(registry.find(active.clientId()).isEmpty(), "a client unused for 91 days");
        assertTrue(
                registry.find(provisioned).isPresent(),
                "a machine client an operator provisioned in the console, never used, stays: the operator's to delete");
        assertTrue(quarterLater.unused() >= 1);
        assertEquals(unusedBefore + quarterLater.unused(), counts.removedUnused());
        assertThrows(
                OAuthException.class,
                () -> families.refresh(active, refreshed.refreshToken(), Optional.empty(), List.of()),
                "its token family went with it");
        assertTrue(
                revocations.isRevoked(refreshed.accessToken().jti(), active.clientId(), now),
                "its access token is refused as an RFC 7592-deleted client's (revoked family and client entry)");
        assertTrue(
                revocations.isRevoked("not-a-family-" + UUID.randomUUID(), active.clientId(), now),
                "any access token issued to it so far, family or not (client_credentials)");
        OAuthException refused = assertThrows(
                OAuthException.class,
                () -> endpoint.handle(
                        null,
                        form(
                                "grant_type",
                                "refresh_token",
                                "client_id",
                                active.clientId(),
                                "refresh_token",
                                refreshed.refreshToken())),
                "its refresh token at the token endpoint");
        assertEquals("invalid_client", refused.error().error(), "the client is gone, as after an RFC 7592 deletion");
    }

    private RegisteredClient client() {
        String id = registry.register(Json.createReader(new StringReader("{\"client_name\":\"purge " + UUID.randomUUID()
                                + "\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}"))
                        .readValue())
                .clientId();
        return resolver.resolve(id).orElseThrow();
    }

    private static FormParameters form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&")
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return FormParameters.parse("application/x-www-form-urlencoded", body.toString());
    }
}
