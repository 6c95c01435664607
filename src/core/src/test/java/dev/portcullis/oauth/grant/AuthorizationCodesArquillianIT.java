package dev.portcullis.oauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authorization codes in-container, on the real Derby datasource: single use with replay events, expiry, the
 * binding to client, redirect URI and PKCE verifier, and that only the hash is stored.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationCodesArquillianIT {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "http://127.0.0.1:4711/cb";

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-codes-it.war")
                .addClasses(AuthorizationCodesArquillianIT.class, ReplayRecorder.class);
    }

    @EJB
    private AuthorizationCodes codes;

    @Inject
    private ReplayRecorder replays;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Test
    void redeemWhenBoundValuesMatchThenGrantOnceAndReplayFiresEvent() {
        String code = codes.issue(approved("client-a", true));

        AuthorizationGrant grant = codes.redeem(code, "client-a", REDIRECT, VERIFIER);

        assertTrue(code.matches("[A-Za-z0-9_-]{43}"));
        assertEquals("client-a", grant.clientId());
        assertEquals("alice", grant.subject());
        assertEquals(List.of("mcp-users", "team a"), grant.groups());
        assertEquals(List.of("pets:read", "pets:write"), grant.scopes());
        assertEquals("https://localhost:9443/mcp", grant.resource());
        assertInvalidGrant(() -> codes.redeem(code, "client-a", REDIRECT, VERIFIER), "already used");
        assertTrue(replays.grantIds().contains(grant.grantId()));
    }

    @Test
    void redeemWhenClientRedirectOrVerifierDifferThenInvalidGrantAndCodeStillUsable() {
        String code = codes.issue(approved("client-b", true));

        assertInvalidGrant(() -> codes.redeem(code, "client-c", REDIRECT, VERIFIER), "another client");
        assertInvalidGrant(() -> codes.redeem(code, "client-b", "http://127.0.0.1:4712/cb", VERIFIER), "redirect_uri");
        assertInvalidGrant(() -> codes.redeem(code, "client-b", null, VERIFIER), "redirect_uri");
        assertInvalidGrant(() -> codes.redeem(code, "client-b", REDIRECT, VERIFIER.replace('d', 'e')), "code_verifier");
        assertInvalidGrant(() -> codes.redeem(code, "client-b", REDIRECT, null), "code_verifier");
        assertEquals(
                "client-b", codes.redeem(code, "client-b", REDIRECT, VERIFIER).clientId());
    }

    @Test
    void redeemWhenRedirectUriWasNotInTheRequestThenItMayBeOmitted() {
        String code = codes.issue(approved("client-d", false));

        assertEquals("alice", codes.redeem(code, "client-d", null, VERIFIER).subject());
    }

    @Test
    void redeemWhenUnknownOrExpiredThenInvalidGrant() throws Exception {
        assertInvalidGrant(() -> codes.redeem("no-such-code", "client-e", REDIRECT, VERIFIER), "unknown");
        assertInvalidGrant(() -> codes.redeem(null, "client-e", REDIRECT, VERIFIER), "missing");
        String code = codes.issue(approved("client-e", true));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE OAUTH_AUTHORIZATION_CODE SET EXPIRES_AT = ? WHERE CODE_HASH = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            update.setString(2, Secrets.fastHash(code));
            assertEquals(1, update.executeUpdate());
        }

        assertInvalidGrant(() -> codes.redeem(code, "client-e", REDIRECT, VERIFIER), "expired");
    }

    @Test
    void issueThenOnlyTheHashIsStoredAndTheLifetimeIsAtMostSixtySeconds() throws Exception {
        String code = codes.issue(approved("client-f", true));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT CODE_HASH, ISSUED_AT, EXPIRES_AT FROM OAUTH_AUTHORIZATION_CODE WHERE CLIENT_ID = ?")) {
            query.setString(1, "client-f");
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString(1).startsWith("sha256$"));
                assertFalse(row.getString(1).contains(code));
                long seconds = ChronoUnit.SECONDS.between(
                        row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant());
                assertTrue(seconds >= 1 && seconds <= 60, "lifetime " + seconds);
            }
        }
    }

    private static ApprovedAuthorization approved(String clientId, boolean redirectUriGiven) {
        return new ApprovedAuthorization(
                clientId,
                REDIRECT,
                redirectUriGiven,
                Pkce.s256(VERIFIER),
                "https://localhost:9443/mcp",
                List.of("pets:read", "pets:write"),
                "alice",
                List.of("mcp-users", "team a"),
                Instant.now());
    }

    private static void assertInvalidGrant(Runnable redeem, String description) {
        OAuthException e = assertThrows(OAuthException.class, redeem::run);
        assertEquals("invalid_grant", e.error().error());
        assertTrue(e.error().description().contains(description), e.error().description());
    }
}
