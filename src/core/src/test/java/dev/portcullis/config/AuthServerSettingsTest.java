package dev.portcullis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthServerSettingsTest {

    @Test
    void problemsWhenDefaultsOrUnsetThenNone() {
        Map<String, String> values = Map.of("portcullis.oauth.registration.rate-limit", "60",
                "portcullis.oauth.registration.rate-window", "PT1M", "portcullis.oauth.keys.max-age", "P90D",
                "portcullis.oauth.client-secret.lifetime", "PT0S", "portcullis.oauth.keys.rotate-before", "",
                "portcullis.oauth.registration.private-use-schemes", "reverse-domain");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key)))).isEmpty();
    }

    @Test
    void problemsWhenMalformedThenOneLineEachNamingSettingAndForm() {
        Map<String, String> values = Map.of("portcullis.oauth.registration.rate-limit", "lots",
                "portcullis.oauth.registration.rate-window", "1 minute", "portcullis.oauth.keys.rotate-before", "yesterday",
                "portcullis.oauth.registration.private-use-schemes", "some", "portcullis.oauth.client-secret.hash-iterations", "0");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .hasSize(5)
                .anySatisfy(line -> assertThat(line).contains("portcullis.oauth.registration.rate-limit", "'lots'", "positive integer"))
                .anySatisfy(line -> assertThat(line).contains("rate-window", "ISO-8601 duration"))
                .anySatisfy(line -> assertThat(line).contains("rotate-before", "ISO-8601 instant"));
    }

    @Test
    void problemsWhenLimitSettingsMalformedThenReported() {
        Map<String, String> values = Map.of("portcullis.oauth.cimd.max-fetches", "0",
                "portcullis.oauth.cimd.fetch-timeout", "PT0S", "portcullis.oauth.client-auth.failures-before-backoff", "-1",
                "portcullis.oauth.client.unused-lifetime", "90 days", "portcullis.oauth.client.never-used-lifetime", "PT0S",
                "portcullis.oauth.cimd.failure-cache", "PT0S");

        assertThat(AuthServerSettings.problems(key -> Optional.ofNullable(values.get(key))))
                .hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("cimd.max-fetches", "positive integer"))
                .anySatisfy(line -> assertThat(line).contains("cimd.fetch-timeout", "positive ISO-8601"))
                .anySatisfy(line -> assertThat(line).contains("unused-lifetime", "P90D"));
    }
}
