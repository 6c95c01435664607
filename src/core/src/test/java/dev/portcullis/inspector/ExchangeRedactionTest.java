package dev.portcullis.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExchangeRedactionTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ";

    private final ExchangeRedaction redaction = new ExchangeRedaction(Set.of("ssn"));

    @Test
    void applyWhenCredentialsAnywhereThenRedactedAndTheRestKept() {
        JsonObject message = json("{\"method\":\"tools/call\",\"params\":{\"name\":\"login\",\"arguments\":{"
                + "\"user\":\"alice\",\"Password\":\"hunter2\",\"api_key\":\"k1\",\"SSN\":\"123\",\"pin\":\"0000\","
                + "\"note\":\"use Bearer abcdefghijkl now\",\"nested\":[{\"refresh_token\":\"r\",\"echo\":\"" + JWT
                + "\"}]}}}");

        String shown = redaction.apply(message, Set.of("pin")).toString();

        assertThat(shown)
                .contains("\"user\":\"alice\"", "\"name\":\"login\"", "use Bearer [redacted] now")
                .doesNotContain("hunter2", "k1", "\"123\"", "0000", "abcdefghijkl", JWT, "eyJ", "\"r\"");
    }

    @Test
    void textWhenNoCredentialThenUnchanged() {
        assertThat(ExchangeRedaction.text("list_pets by alice")).isEqualTo("list_pets by alice");
        assertThat(ExchangeRedaction.text("token " + JWT + " end")).isEqualTo("token [redacted] end");
    }

    private static JsonObject json(String text) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
