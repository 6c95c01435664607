package dev.portcullis.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.revocation.AccessTokenClaims;
import dev.portcullis.oauth.revocation.AccessTokenRevocations;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.testing.ProductWar;
import dev.portcullis.testing.TestClock;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token families in-container, on Liberty and Derby, with a 3 s refresh-token reuse window (arquillian.xml) that the
 * test steps out of by moving the deployment's {@link TestClock}, not by sleeping: rotation,
 * reuse inside the window (the same successor, never a fork) and outside it, concurrent refresh, the idle and absolute
 * lifetimes (a family aged in the database), scope narrowing, the resource check, and revocation as the
 * resource server sees it ({@link AccessTokenRevocations#isRevoked(String)}). Families are started directly, as the
 * authorization_code grant starts them.
 */
@ExtendWith(ArquillianExtension.class)
class TokenFamiliesArquillianIT {

    private static final String RESOURCE = "https://localhost:9443/mcp";

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-tokens-it.war")
                .addClasses(TokenFamiliesArquillianIT.class, TestClock.class, TestClock.Producer.class);
    }

    @EJB
    private TokenFamilies families;

    @EJB
    private RevocationService revocationService;

    @EJB
    private ClientRegistrationService registry;

    @Inject
    private ClientResolver resolver;

    @Inject
    private AccessTokenRevocations revocations;

    @Inject
    private AccessTokenClaims claims;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Test
    void refreshWhenUsedThenRotatedAndOldTokenToleratedOnlyWithinGraceWindow() throws Exception {
        RegisteredClient client = client();
        TokenResponse first = families.start(client, grant(client, "g-" + UUID.randomUUID()));
        assertNotNull(first.refreshToken());

        TokenResponse second = families.refresh(client, first.refreshToken(), Optional.empty(), List.of());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals(List.of("pets:read", "pets:write"), second.accessToken().scopes());

        TokenResponse concurrent = families.refresh(client, first.refreshToken(), Optional.empty(), List.of());
        assertEquals(second.refreshToken(), concurrent.refreshToken(), "reuse within the window: the same successor");
        assertNotEquals(second.accessToken().jti(), concurrent.accessToken().jti(), "and a new access token");

        TestClock.INSTANCE.advance(Duration.ofMillis(3_500));
        try {
            OAuthException reuse = assertThrows(
                    OAuthException.class,
                    () -> families.refresh(client, first.refreshToken(), Optional.empty(), List.of()));
            assertEquals("invalid_grant", reuse.error().error());
            OAuthException revoked = assertThrows(
                    OAuthException.class,
                    () -> families.refresh(client, second.refreshToken(), Optional.empty(), List.of()));
            assertEquals("invalid_grant", revoked.error().error(), "reuse after the window revokes the whole family");
            assertTrue(revocations.isRevoked(second.accessToken().jti()), "and its access tokens");
            assertTrue(revocations.isRevoked(first.accessToken().jti()));
        } finally {
            TestClock.INSTANCE.reset();
        }
    }

    @Test
    void refreshWhenManyConcurrentRequestsWithOneTokenThenAllSucceedWithOneSuccessor() throws Exception {
        RegisteredClient client = client();
        TokenResponse start = families.start(client, grant(client, null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> successors = new HashSet<>();
        try {
            List<Future<TokenResponse>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(
                        pool.submit(() -> families.refresh(client, start.refreshToken(), Optional.empty(), List.of())));
            }
            for (Future<TokenResponse> result : results) {
                successors.add(result.get(60, TimeUnit.SECONDS).refreshToken());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(
                1,
                successors.size(),
                "every concurrent refresh of one token gets the same successor: " + successors.size());
        assertNotNull(families.refresh(client, successors.iterator().next(), Optional.empty(), List.of())
                .refreshToken());
    }

    @Test
    void refreshWhenSuccessorAlreadyRotatedThenGraceReuseRefusedWithoutForkOrRevocation() {
        RegisteredClient client = client();
        TokenResponse start = families.start(client, grant(client, null));
        TokenResponse second = families.refresh(client, start.refreshToken(), Optional.empty(), List.of());
        TokenResponse third = families.refresh(client, second.refreshToken(), Optional.empty(), List.of());

        OAuthException reuse = assertThrows(
                OAuthException.class,
                () -> families.refresh(client, start.refreshToken(), Optional.empty(), List.of()));
        assertEquals("invalid_grant", reuse.error().error());
        assertEquals(
                third.refreshToken(),
                families.refresh(client, second.refreshToken(), Optional.empty(), List.of())
                        .refreshToken(),
                "the newest rotation still answers with its one successor");
        assertFalse(revocations.isRevoked(third.accessToken().jti()), "within the window nothing is revoked");
    }

    @Test
    void startWhenDefaultsThenRefreshTokenLivesTheIdleLifetime() throws Exception {
        RegisteredClient client = client();
        TokenResponse start = families.start(client, grant(client, null));
        assertEquals(
                Duration.ofDays(14).toSeconds(),
                secondsToExpiry(start.refreshToken()),
                5,
                "idle lifetime: 14 days by default");
    }

    @Test
    void refreshWhenFamilyNearItsAbsoluteEndThenSuccessorCappedAndAfterItInvalidGrant() throws Exception {
        RegisteredClient client = client();
        TokenResponse start = families.start(client, grant(client, null));
        String family = familyOf(start);

        ageFamily(family, Duration.ofDays(30).minusHours(1)); // one hour of its 30 days left
        TokenResponse refreshed = families.refresh(client, start.refreshToken(), Optional.empty(), List.of());
        assertEquals(
                Duration.ofHours(1).toSeconds(),
                secondsToExpiry(refreshed.refreshToken()),
                5,
                "a refreshed token never outlives the family's absolute end");

        ageFamily(family, Duration.ofHours(1).plusSeconds(1)); // past the absolute end
        OAuthException ended = assertThrows(
                OAuthException.class,
                () -> families.refresh(client, refreshed.refreshToken(), Optional.empty(), List.of()));
        assertEquals("invalid_grant", ended.error().error());
        assertTrue(
                ended.error().description().contains("maximum lifetime"),
                ended.error().description());
    }

    @Test
    void refreshWhenScopeWidenedOrOtherResourceOrOtherClientThenRefused() {
        RegisteredClient client = client();
        TokenResponse start = families.start(
                client,
                new AuthorizationGrant(
                        null,
                        client.clientId(),
                        "alice",
                        List.of("mcp-users"),
                        List.of("pets:read"),
                        RESOURCE,
                        Instant.now()));

        assertEquals(
                "invalid_scope",
                assertThrows(
                                OAuthException.class,
                                () -> families.refresh(
                                        client, start.refreshToken(), Optional.of("pets:read pets:write"), List.of()))
                        .error()
                        .error());
        assertEquals(
                "invalid_target",
                assertThrows(
                                OAuthException.class,
                                () -> families.refresh(
                                        client, start.refreshToken(), Optional.empty(), List.of(RESOURCE + "/other")))
                        .error()
                        .error());
        assertEquals(
                "invalid_grant",
                assertThrows(
                                OAuthException.class,
                                () -> families.refresh(client(), start.refreshToken(), Optional.empty(), List.of()))
                        .error()
                        .error());

        TokenResponse narrowed =
                families.refresh(client, start.refreshToken(), Optional.of("pets:read"), List.of(RESOURCE));
        assertEquals(List.of("pets:read"), narrowed.accessToken().scopes());
    }

    @Test
    void revokeWhenRefreshTokenOrGrantOrAccessTokenThenResourceServerSeesIt() {
        RegisteredClient client = client();
        TokenResponse byRefresh = families.start(client, grant(client, null));
        assertFalse(revocations.isRevoked(byRefresh.accessToken().jti()));
        revocationService.revokeRefreshToken(byRefresh.refreshToken(), "someone-else");
        assertFalse(revocations.isRevoked(byRefresh.accessToken().jti()), "another client's revocation is ignored");
        revocationService.revokeRefreshToken(byRefresh.refreshToken(), client.clientId());
        assertTrue(revocations.isRevoked(byRefresh.accessToken().jti()));
        assertThrows(
                OAuthException.class,
                () -> families.refresh(client, byRefresh.refreshToken(), Optional.empty(), List.of()));

        String grantId = "g-" + UUID.randomUUID();
        TokenResponse byGrant = families.start(client, grant(client, grantId));
        assertEquals(1, revocationService.revokeGrant(grantId));
        assertTrue(revocations.isRevoked(byGrant.accessToken().jti()));

        TokenResponse single = families.start(client, grant(client, null));
        AccessTokenClaims.Claims read =
                claims.verified(single.accessToken().value()).orElseThrow();
        assertEquals(single.accessToken().jti(), read.jti());
        revocationService.revokeAccessToken(read.jti(), read.clientId(), read.expiresAt());
        assertTrue(revocations.isRevoked(single.accessToken().jti()));
        revocations.reload();
        assertTrue(revocations.isRevoked(single.accessToken().jti()), "still revoked after a reload from the database");
        assertTrue(revocations.isRevoked(byGrant.accessToken().jti()));
        assertFalse(revocations.isRevoked("unknown"));
    }

    private static String familyOf(TokenResponse tokens) {
        String jti = tokens.accessToken().jti();
        return jti.substring(0, jti.indexOf('.'));
    }

    /** Moves the family's start back by {@code age}, as if it had started that much earlier. */
    private void ageFamily(String familyId, Duration age) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE OAUTH_TOKEN_FAMILY SET CREATED_AT = {fn TIMESTAMPADD(SQL_TSI_SECOND, ?, CREATED_AT)} WHERE FAMILY_ID = ?")) {
            update.setInt(1, (int) -age.toSeconds());
            update.setString(2, familyId);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Seconds from the refresh token's issue to its expiry. */
    private long secondsToExpiry(String refreshToken) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT {fn TIMESTAMPDIFF(SQL_TSI_SECOND, ISSUED_AT, EXPIRES_AT)} FROM OAUTH_REFRESH_TOKEN WHERE TOKEN_HASH = ?")) {
            query.setString(1, Secrets.fastHash(refreshToken));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the refresh token is stored");
                return row.getLong(1);
            }
        }
    }

    private RegisteredClient client() {
        String id = registry.register(
                        Json.createReader(new StringReader("{\"client_name\":\"tokens " + UUID.randomUUID()
                                        + "\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}"))
                                .readValue())
                .clientId();
        return resolver.resolve(id).orElseThrow();
    }

    private static AuthorizationGrant grant(RegisteredClient client, String grantId) {
        return new AuthorizationGrant(
                grantId,
                client.clientId(),
                "alice",
                List.of("mcp-users"),
                List.of("pets:read", "pets:write"),
                RESOURCE,
                Instant.now());
    }
}
