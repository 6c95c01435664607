package dev.portcullis.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.grant.ApprovedAuthorization;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.oauth.grant.Pkce;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.revocation.AccessTokenRevocations;
import dev.portcullis.testing.ProductWar;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization_code grant through the token endpoint's logic ({@link TokenService}, form parsing and client
 * authentication included), with codes issued by {@link AuthorizationCodes} as the consent page issues them: PKCE
 * wrong verifier, the token response and its family, and a replayed code revoking every token issued from it.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationCodeGrantArquillianIT {

    private static final String RESOURCE = "https://localhost:9443/mcp";
    private static final String REDIRECT = "http://127.0.0.1/cb";

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-code-grant-it.war").addClass(AuthorizationCodeGrantArquillianIT.class);
    }

    @Inject
    private TokenService endpoint;

    @EJB
    private AuthorizationCodes codes;

    @EJB
    private ClientRegistrationService registry;

    @Inject
    private AccessTokenRevocations revocations;

    @Test
    void codeWhenVerifierWrongThenInvalidGrantAndWhenRightThenTokens() {
        String clientId = publicClient();
        String verifier = Secrets.random(32);
        String code = code(clientId, verifier);

        OAuthException wrong = assertThrows(OAuthException.class, () -> redeem(clientId, code, Secrets.random(32)));
        assertEquals("invalid_grant", wrong.error().error());

        String fresh = code(clientId, verifier);
        TokenResponse tokens = redeem(clientId, fresh, verifier);
        assertNotNull(tokens.refreshToken());
        assertEquals(List.of("pets:read"), tokens.accessToken().scopes());
        JsonObject json = tokens.toJson();
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(3600, json.getInt("expires_in"));

        TokenResponse refreshed = endpoint.handle(
                null,
                form(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        clientId,
                        "refresh_token",
                        tokens.refreshToken(),
                        "resource",
                        RESOURCE));
        assertNotNull(refreshed.refreshToken());
    }

    @Test
    void codeWhenReplayedThenInvalidGrantAndEveryTokenIssuedFromItRevoked() {
        String clientId = publicClient();
        String verifier = Secrets.random(32);
        String code = code(clientId, verifier);
        TokenResponse first = redeem(clientId, code, verifier);
        TokenResponse rotated = endpoint.handle(
                null,
                form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", first.refreshToken()));
        assertFalse(revocations.isRevoked(first.accessToken().jti()));

        OAuthException replay = assertThrows(OAuthException.class, () -> redeem(clientId, code, verifier));
        assertEquals("invalid_grant", replay.error().error());
        assertTrue(revocations.isRevoked(first.accessToken().jti()));
        assertTrue(revocations.isRevoked(rotated.accessToken().jti()));
        OAuthException refresh = assertThrows(
                OAuthException.class,
                () -> endpoint.handle(
                        null,
                        form(
                                "grant_type",
                                "refresh_token",
                                "client_id",
                                clientId,
                                "refresh_token",
                                rotated.refreshToken())));
        assertEquals("invalid_grant", refresh.error().error());
    }

    @Test
    void codeWhenOtherResourceOrClientThenRefused() {
        String clientId = publicClient();
        String verifier = Secrets.random(32);
        assertEquals(
                "invalid_target",
                assertThrows(
                                OAuthException.class,
                                () -> endpoint.handle(
                                        null,
                                        form(
                                                "grant_type",
                                                "authorization_code",
                                                "client_id",
                                                clientId,
                                                "code",
                                                code(clientId, verifier),
                                                "code_verifier",
                                                verifier,
                                                "redirect_uri",
                                                REDIRECT,
                                                "resource",
                                                "https://other.example/mcp")))
                        .error()
                        .error());
        String other = publicClient();
        assertEquals(
                "invalid_grant",
                assertThrows(OAuthException.class, () -> redeem(other, code(clientId, verifier), verifier))
                        .error()
                        .error());
    }

    private TokenResponse redeem(String clientId, String code, String verifier) {
        return endpoint.handle(
                null,
                form(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        code,
                        "code_verifier",
                        verifier,
                        "redirect_uri",
                        REDIRECT));
    }

    private String code(String clientId, String verifier) {
        return codes.issue(new ApprovedAuthorization(
                clientId,
                REDIRECT,
                true,
                Pkce.s256(verifier),
                RESOURCE,
                List.of("pets:read"),
                "alice",
                List.of("mcp-users"),
                Instant.now()));
    }

    private String publicClient() {
        return registry.register(Json.createReader(new StringReader("{\"client_name\":\"code grant " + UUID.randomUUID()
                                + "\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"" + REDIRECT + "\"],"
                                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}"))
                        .readValue())
                .clientId();
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
