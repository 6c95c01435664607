package dev.portcullis.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RegistrationRateLimiterTest {

    @Test
    void softwareKeyWhenSoftwareIdSentThenItWins() {
        assertThat(key("{\"software_id\":\"abc\",\"client_name\":\"X\"}")).isEqualTo("software_id:abc");
    }

    @Test
    void softwareKeyWhenNoSoftwareIdThenNameAndRedirectHostsIgnoringPortsAndPaths() {
        String a = key("{\"client_name\":\"Claude\",\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"]}");
        String b = key("{\"client_name\":\"claude \",\"redirect_uris\":[\"https://claude.ai/other\"]}");
        String c = key("{\"client_name\":\"Claude\",\"redirect_uris\":[\"https://evil.example/cb\"]}");

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private static String key(String json) {
        return RegistrationRateLimiter.softwareKey(Json.createReader(new StringReader(json)).readValue());
    }
}
