package dev.portcullis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthServerSettingsTest {

    @Test
    void problemsWhenDefaultsOrUnsetThenNone() {
        Map<String, String> values = Map.of(
                "portcullis.oauth.registration.rate-limit",
                "60",
                "portcullis.oauth.registration.rate-window",
                "PT1M",
                "portcullis.oauth.keys.max-age",
                "P90D",
                "portcullis.oauth.client-secret.lifetime",
                "PT0S",
                "portcullis.oauth.keys.rotate-before",
                "",
                "portcullis.oauth.registration.private-use-schemes",
                "reverse-domain",
                "portcullis.oauth.registration.known-private-use-redirects",
                "cursor://anysphere.cursor-mcp/oauth/callback, x-app:/cb");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .isEmpty();
    }

    @Test
    void problemsWhenMalformedThenOneLineEachNamingSettingAndForm() {
        Map<String, String> values = Map.of(
                "portcullis.oauth.registration.rate-limit",
                "lots",
                "portcullis.oauth.registration.rate-window",
                "1 minute",
                "portcullis.oauth.keys.rotate-before",
                "yesterday",
                "portcullis.oauth.registration.private-use-schemes",
                "some",
                "portcullis.oauth.client-secret.hash-iterations",
                "0");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .hasSize(5)
                .anySatisfy(line -> assertThat(line)
                        .contains("portcullis.oauth.registration.rate-limit", "'lots'", "positive integer"))
                .anySatisfy(line -> assertThat(line).contains("rate-window", "ISO-8601 duration"))
                .anySatisfy(line -> assertThat(line).contains("rotate-before", "ISO-8601 instant"));
    }

    @Test
    void problemsWhenLimitSettingsMalformedThenReported() {
        Map<String, String> values = Map.of(
                "portcullis.oauth.cimd.max-fetches",
                "0",
                "portcullis.oauth.cimd.fetch-timeout",
                "PT0S",
                "portcullis.oauth.client-auth.failures-before-backoff",
                "-1",
                "portcullis.oauth.client.unused-lifetime",
                "90 days",
                "portcullis.oauth.client.never-used-lifetime",
                "PT0S",
                "portcullis.oauth.cimd.failure-cache",
                "PT0S");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("cimd.max-fetches", "positive integer"))
                .anySatisfy(line -> assertThat(line).contains("cimd.fetch-timeout", "positive ISO-8601"))
                .anySatisfy(line -> assertThat(line).contains("unused-lifetime", "P90D"));
    }

    @Test
    void problemsWhenMachineClientsMisconfiguredThenEachNamedWithoutEchoingTheHash() {
        Map<String, String> values = Map.of(
                "portcullis.oauth.machine-clients",
                "good, no-hash,bad-method,https://x.example/c",
                "portcullis.oauth.machine-client.good.secret-hash",
                HASH,
                "portcullis.oauth.machine-client.bad-method.secret-hash",
                HASH,
                "portcullis.oauth.machine-client.bad-method.auth-method",
                "none",
                "portcullis.oauth.machine-client.no-hash.secret-hash",
                "plain-secret");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line)
                        .contains("machine-client.no-hash.secret-hash")
                        .doesNotContain("plain-secret"))
                .anySatisfy(line -> assertThat(line).contains("machine-client.bad-method.auth-method", "'none'"))
                .anySatisfy(line -> assertThat(line).contains("machine-clients", "https://x.example/c"));
    }

    private static final String HASH =
            "pbkdf2-sha256$10000$2X9ZGJZipOlq95cg0ToXIw$t1bCiz7Xrm6PF_f2dmLaa6yJgyYIqgu_04T5E75ed8w";

    @Test
    void problemsWhenKnownPrivateUseRedirectIsNotPrivateUseThenReported() {
        for (String bad :
                new String[] {"https://evil.example/cb", "cursor://a/cb#x", "javascript:alert(1)", "relative/cb"}) {
            assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(
                            key.endsWith("known-private-use-redirects")
                                    ? "cursor://anysphere.cursor-mcp/oauth/callback " + bad
                                    : null)))
                    .as(bad)
                    .singleElement()
                    .asString()
                    .contains("known-private-use-redirects", "private-use URIs");
        }
        assertThat(AuthServerSettings.problems(
                        key -> Optional.ofNullable(key.endsWith("known-private-use-redirects") ? "none" : null)))
                .isEmpty();
    }
}
