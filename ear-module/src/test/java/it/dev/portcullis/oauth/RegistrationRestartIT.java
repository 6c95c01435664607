package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registrations are committed before the 201 and survive a graceful restart and a SIGKILL: the registration access
 * token still reads the client, the stored secret hash still verifies the secret, and the signing key is the same.
 * Then the documented key rotation: with {@code portcullis.oauth.keys.rotate-before} set, a start makes a new key
 * active while the old one stays in the JWKS.
 */
class RegistrationRestartIT {

    private final LibertyServer server = LibertyServer.current();
    private final RegistrationApi api = new RegistrationApi(server);

    @Test
    void clientWhenServerRestartedAndKilledThenRegistrationSecretAndSigningKeySurvive() throws Exception {
        HttpResponse<String> response = api.register("{\"client_name\":\"" + RegistrationApi.uniqueName("durable")
                + "\",\"redirect_uris\":[\"https://app.example/cb\"]}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject client = RegistrationApi.json(response);
        String jwks = api.get("/oauth/jwks").body();

        server.restart();
        assertClientWorks(client);
        assertThat(api.get("/oauth/jwks").body()).isEqualTo(jwks);

        // Rotation as documented: set portcullis.oauth.keys.rotate-before to now, then (re)start, here after a SIGKILL.
        Path dropin = server.directory().resolve("configDropins/overrides/it-rotate-keys.xml");
        Files.createDirectories(dropin.getParent());
        Files.writeString(
                dropin,
                "<server><variable name=\"portcullis.oauth.keys.rotate-before\" value=\"" + Instant.now()
                        + "\"/></server>");
        try {
            server.crashAndStart();
        } finally {
            Files.deleteIfExists(dropin);
        }
        assertClientWorks(client);
        List<String> before = kids(jwks);
        List<String> after = kids(api.get("/oauth/jwks").body());
        assertThat(after.get(0)).as("a new key is active").isNotIn(before);
        assertThat(after).as("the old active key stays published").contains(before.get(0));
    }

    private static List<String> kids(String jwks) {
        return Json.createReader(new StringReader(jwks))
                .readObject()
                .getJsonArray("keys")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(key -> key.getString("kid"))
                .toList();
    }

    private void assertClientWorks(JsonObject client) throws Exception {
        String id = client.getString("client_id");
        String token = client.getString("registration_access_token");
        HttpResponse<String> read = api.read(id, token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(RegistrationApi.json(read).getString("client_name")).isEqualTo(client.getString("client_name"));
        // RFC 7592 section 2.2: an update that presents client_secret must match the stored (hashed) secret.
        String update = "{\"client_id\":\"" + id + "\",\"client_name\":\"" + client.getString("client_name")
                + "\",\"redirect_uris\":[\"https://app.example/cb\"],\"client_secret\":\"%s\"}";
        assertThat(api.update(id, token, update.formatted(client.getString("client_secret")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.update(id, token, update.formatted("not-the-secret")).statusCode())
                .isEqualTo(400);
    }
}
