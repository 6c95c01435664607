package dev.portcullis.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NimbusJoseTest {

    private final SigningKey active = KeyMaterial.generate(Instant.now());
    private final SigningKey retired = KeyMaterial.generate(Instant.now().minusSeconds(60));

    @Test
    void publicJwkSetWhenRenderedThenPublicEs256KeysOnly() {
        JsonObject set = Json.createReader(new StringReader(NimbusJose.publicJwkSet(List.of(active, retired))))
                .readObject();

        assertThat(set.getJsonArray("keys")).hasSize(2);
        JsonObject key = set.getJsonArray("keys").getJsonObject(0);
        assertThat(key.getString("kty")).isEqualTo("EC");
        assertThat(key.getString("crv")).isEqualTo("P-256");
        assertThat(key.getString("alg")).isEqualTo("ES256");
        assertThat(key.getString("use")).isEqualTo("sig");
        assertThat(key.getString("kid")).isEqualTo(active.kid());
        assertThat(key).doesNotContainKey("d");
    }

    @Test
    void signWhenVerifiedWithPublishedKeysThenClaimsBack() {
        String jwt = NimbusJose.sign(Map.of("iss", "https://localhost:9443", "sub", "alice"), active, "at+jwt");

        assertThat(NimbusJose.verify(jwt, List.of(retired, active))).containsEntry("sub", "alice");
        assertThat(NimbusJose.verify(jwt, List.of(retired))).isNull();
        assertThat(NimbusJose.verify(jwt.substring(0, jwt.length() - 4) + "AAAA", List.of(active)))
                .isNull();
    }

    @Test
    void signWhenKeysAlternateThenEachTokenVerifiesWithItsOwnKeyOnly() {
        for (int i = 0; i < 3; i++) {
            String byActive = NimbusJose.sign(Map.of("sub", "alice"), active, "at+jwt");
            String byRetired = NimbusJose.sign(Map.of("sub", "bob"), retired, "at+jwt");

            assertThat(NimbusJose.verify(byActive, List.of(active))).containsEntry("sub", "alice");
            assertThat(NimbusJose.verify(byRetired, List.of(retired))).containsEntry("sub", "bob");
            assertThat(NimbusJose.verify(
                            byActive,
                            List.of(new SigningKey(
                                    active.kid(),
                                    retired.publicKey(),
                                    retired.privateKey(),
                                    active.createdAt(),
                                    null))))
                    .isNull();
        }
    }

    @Test
    void thumbprintWhenSameKeyThenStableAndUrlSafe() {
        assertThat(NimbusJose.thumbprint(active.publicKey()))
                .isEqualTo(active.kid())
                .matches("[A-Za-z0-9_-]{43}");
    }
}
