package dev.portcullis.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.config.EffectiveSettings.EffectiveSetting;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EffectiveSettingsTest {

    private static final String KEY = "c2VjcmV0LWtleS1tYXRlcmlhbC10aGF0LWlzLWxvbmctZW5vdWdoCg==";

    @Test
    void ofWhenDefaultsAndEnvironmentThenEffectiveValueWithItsSourceAndNoOtherPrefix() {
        Config config = config(
                Map.of(
                        "portcullis.issuer",
                        "https://localhost:9443",
                        "portcullis.mcp.page-size",
                        "50",
                        "other.setting",
                        "x"),
                Map.of("PORTCULLIS_MCP_PAGE_SIZE", "20", "PORTCULLIS_ONLY_IN_ENVIRONMENT", "yes"));

        List<EffectiveSetting> settings = EffectiveSettings.of(config);

        // SmallRye lists an environment variable under its dotted, lower-case form; Liberty's source under its own.
        assertThat(settings)
                .extracting(EffectiveSetting::name)
                .containsExactly("portcullis.issuer", "portcullis.mcp.page-size", "portcullis.only.in.environment");
        assertThat(find(settings, "portcullis.mcp.page-size").value()).isEqualTo("20");
        assertThat(find(settings, "portcullis.mcp.page-size").source()).startsWith("EnvConfigSource");
        assertThat(find(settings, "portcullis.issuer").source()).isEqualTo("defaults");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "portcullis.oauth.keys.keystore-password",
                "portcullis.oauth.authorize.form-key",
                "portcullis.oauth.registration.initial-access-token",
                "portcullis.oauth.keys.encryption-key",
                "portcullis.mcp.request-state-key",
                "portcullis.downstream.erp.token",
                "portcullis.downstream.erp.client-secret",
                "portcullis.oauth.machine-client.ci.secret-hash",
                "portcullis.demo-downstream.key"
            })
    void ofWhenTheNameIsACredentialThenTheValueIsDropped(String name) {
        List<EffectiveSetting> settings = EffectiveSettings.of(config(Map.of(name, "hunter2"), Map.of()));

        assertThat(settings).singleElement().satisfies(s -> {
            assertThat(s.hidden()).isTrue();
            assertThat(s.value()).isNull();
            assertThat(s.toString()).doesNotContain("hunter2");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
                "-----BEGIN PRIVATE KEY-----\nMIGH\n",
                "pbkdf2-sha256$10000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2hoYXM",
                KEY
            })
    void ofWhenTheValueLooksLikeACredentialThenItIsDroppedWhateverTheName(String value) {
        List<EffectiveSetting> settings = EffectiveSettings.of(config(Map.of("portcullis.some.note", value), Map.of()));

        assertThat(settings)
                .singleElement()
                .satisfies(s -> assertThat(s.hidden()).isTrue());
    }

    @Test
    void ofWhenAnEnvironmentOnlyNameCarriesACredentialWordThenItIsHidden() {
        List<EffectiveSetting> settings =
                EffectiveSettings.of(config(Map.of(), Map.of("PORTCULLIS_DOWNSTREAM_ERP_CLIENT_SECRET", "hunter2")));

        assertThat(settings)
                .singleElement()
                .satisfies(s -> assertThat(s.hidden()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "portcullis.oauth.access-token.lifetime",
                "portcullis.downstream.erp.token-endpoint",
                "portcullis.oauth.client-secret.hash-iterations",
                "portcullis.token.scope.claim",
                "portcullis.oauth.keys.max-age"
            })
    void ofWhenTheNameOnlyMentionsACredentialThenTheValueIsShown(String name) {
        List<EffectiveSetting> settings = EffectiveSettings.of(config(Map.of(name, "PT1H"), Map.of()));

        assertThat(settings)
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("PT1H"));
    }

    private static EffectiveSetting find(List<EffectiveSetting> settings, String name) {
        Optional<EffectiveSetting> found =
                settings.stream().filter(s -> s.name().equals(name)).findFirst();
        return found.orElseThrow();
    }

    private static Config config(Map<String, String> defaults, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(
                        new PropertiesConfigSource(defaults, "defaults", 100), new EnvConfigSource(environment, 300))
                .build();
    }
}
