package dev.portcullis.oauth.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.keys.SigningKey;
import dev.portcullis.oauth.keys.SigningKeys;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * The client registry EJB in-container, on Liberty with the real Derby datasource: CRUD, concurrent registration,
 * and what is (and is not) stored, read back with plain JDBC. Also the signing keys' storage and rotation.
 */
@ExtendWith(ArquillianExtension.class)
class ClientRegistrationServiceArquillianIT {

    private static final String PUBLIC_CLIENT =
            "{\"client_name\":\"Arquillian public\",\"token_endpoint_auth_method\":\"none\","
                    + "\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"application_type\":\"native\"}";
    private static final String CONFIDENTIAL_CLIENT = "{\"client_name\":\"Arquillian confidential\","
            + "\"redirect_uris\":[\"https://app.example/cb\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"]}";

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-registry-it.war").addClass(ClientRegistrationServiceArquillianIT.class);
    }

    @EJB
    private ClientRegistrationService registry;

    @EJB
    private SigningKeys keys;

    @Inject
    private ClientResolver resolver;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Test
    void registerWhenConfidentialThenReadUpdateDeleteWithRegistrationToken() {
        Registration created = registry.register(json(CONFIDENTIAL_CLIENT));
        String token = created.registrationAccessToken();

        assertEquals(43, created.clientSecret().length());
        assertTrue(registry.verifySecret(created.clientId(), created.clientSecret()));
        assertEquals(
                "Arquillian confidential",
                registry.read(created.clientId(), token).metadata().getString("client_name"));

        Registration updated = registry.update(
                created.clientId(),
                token,
                json("{\"client_id\":\"" + created.clientId()
                        + "\",\"client_name\":\"Renamed\",\"redirect_uris\":[\"https://app.example/cb2\"]}"));
        assertEquals("Renamed", updated.metadata().getString("client_name"));
        assertNull(updated.clientSecret(), "the secret is kept, not reissued");
        assertTrue(registry.verifySecret(created.clientId(), created.clientSecret()));
        assertEquals(
                List.of("https://app.example/cb2"),
                resolver.resolve(created.clientId())
                        .map(RegisteredClient::redirectUris)
                        .orElseThrow());

        registry.delete(created.clientId(), token);
        assertTrue(registry.find(created.clientId()).isEmpty());
        assertFalse(registry.verifySecret(created.clientId(), created.clientSecret()));
        assertThrows(OAuthException.class, () -> registry.read(created.clientId(), token));
    }

    @Test
    void readWhenTokenWrongOrClientUnknownThenInvalidToken401() {
        Registration created = registry.register(json(PUBLIC_CLIENT));

        assertEquals(
                401,
                assertThrows(OAuthException.class, () -> registry.read(created.clientId(), "wrong"))
                        .error()
                        .status());
        assertEquals(
                401,
                assertThrows(
                                OAuthException.class,
                                () -> registry.read("no-such-client", created.registrationAccessToken()))
                        .error()
                        .status());
        assertThrows(OAuthException.class, () -> registry.delete(created.clientId(), null));
        assertNull(created.clientSecret(), "a public client gets no secret");
    }

    @Test
    void registerWhenInvalidThenNothingStored() throws Exception {
        long before = count();

        OAuthException refused = assertThrows(
                OAuthException.class, () -> registry.register(json("{\"redirect_uris\":[\"javascript:alert(1)\"]}")));

        assertEquals("invalid_redirect_uri", refused.error().error());
        assertEquals(before, count());
    }

    @Test
    void registerWhen200ConcurrentlyFrom20ThreadsThen200DistinctPersistedClients() throws Exception {
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = i % 2 == 0 ? PUBLIC_CLIENT : CONFIDENTIAL_CLIENT;
            futures.add(pool.submit(() -> registry.register(json(body)).clientId()));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> future : futures) {
            ids.add(future.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(200, ids.size());
        assertEquals(before + 200, count());
        for (String id : ids) {
            assertTrue(registry.find(id).isPresent(), id);
        }
    }

    @Test
    void registerWhenStoredThenSecretAndRegistrationTokenOnlyAsHashes() throws Exception {
        Registration created = registry.register(json(CONFIDENTIAL_CLIENT));

        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT * FROM OAUTH_CLIENT WHERE CLIENT_ID = ?")) {
            select.setString(1, created.clientId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String secretHash = row.getString("SECRET_HASH");
                String tokenHash = row.getString("REGISTRATION_TOKEN_HASH");
                assertTrue(secretHash.startsWith("pbkdf2-sha256$10000$"), secretHash);
                assertTrue(tokenHash.startsWith("sha256$"), tokenHash);
                assertTrue(Secrets.matches(created.clientSecret(), secretHash));
                assertTrue(Secrets.matches(created.registrationAccessToken(), tokenHash));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    String value = row.getString(column);
                    if (value != null) {
                        assertFalse(value.contains(created.clientSecret()), "column " + column + " holds the secret");
                        assertFalse(
                                value.contains(created.registrationAccessToken()),
                                "column " + column + " holds the token");
                    }
                }
                assertNull(row.getTimestamp("SECRET_EXPIRES_AT"), "client_secret_expires_at 0: never");
            }
        }
    }

    @Test
    void rotateWhenCalledThenNewKeySignsAndOldStaysPublishedAndPrivateKeysEncrypted() throws Exception {
        SigningKey before = keys.active();

        SigningKey after = keys.rotate();

        assertEquals(after.kid(), keys.active().kid());
        assertNotEquals(before.kid(), after.kid());
        List<String> published = keys.published().stream().map(SigningKey::kid).toList();
        assertTrue(published.contains(after.kid()) && published.contains(before.kid()), published.toString());
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT ENCRYPTED_PRIVATE_KEY, RETIRED_AT FROM OAUTH_SIGNING_KEY WHERE KID = ?")) {
            select.setString(1, after.kid());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertFalse(row.getString(1)
                        .contains(Base64.getEncoder()
                                .encodeToString(after.privateKey().getEncoded())));
                assertNull(row.getTimestamp(2));
            }
            select.setString(1, before.kid());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertNotNull(row.getTimestamp(2), "the old key is retired");
            }
        }
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM OAUTH_CLIENT")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
