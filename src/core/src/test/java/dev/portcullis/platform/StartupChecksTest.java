package dev.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.config.Setting;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    @Test
    void problemWhenSettingMissingThenMessageNamesKeyAndEnvironmentVariable() {
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.empty()))
                .hasValueSatisfying(message ->
                        assertThat(message).contains("portcullis.issuer", "is not set", "PORTCULLIS_ISSUER"));
    }

    @Test
    void problemWhenSettingBlankThenTreatedAsMissing() {
        assertThat(StartupChecks.problemWith(Setting.MCP_RESOURCE, Optional.of("   ")))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("portcullis.mcp.resource", "is not set", "PORTCULLIS_MCP_RESOURCE"));
    }

    @Test
    void problemWhenIssuerIsPlainHttpThenRefused() {
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("http://localhost:9443")))
                .hasValueSatisfying(message -> assertThat(message).contains("must be an absolute https URL"));
    }

    @Test
    void problemWhenIssuerHasQueryFragmentOrPathThenRefused() {
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://as.example?x=1")))
                .isPresent();
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://as.example#top")))
                .isPresent();
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://as.example/tenant")))
                .isPresent();
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://as.example/")))
                .isPresent();
    }

    @Test
    void problemWhenResourceHasTrailingSlashThenRefused() {
        // RFC 8707 audiences are compared as strings; a stray slash is the commonest audience mismatch.
        assertThat(StartupChecks.problemWith(Setting.MCP_RESOURCE, Optional.of("https://mcp.example/mcp/")))
                .hasValueSatisfying(message -> assertThat(message).contains("must not end with a slash"));
    }

    @Test
    void problemWhenValuesAreWellFormedThenNone() {
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://localhost:9443")))
                .isEmpty();
        assertThat(StartupChecks.problemWith(Setting.MCP_RESOURCE, Optional.of(" https://localhost:9443/mcp ")))
                .isEmpty();
    }

    @Test
    void problemWhenValueIsNotAUrlThenSaysSo() {
        assertThat(StartupChecks.problemWith(Setting.ISSUER, Optional.of("https://bad host")))
                .hasValueSatisfying(message -> assertThat(message).contains("is not a URL"));
    }

    @Test
    void startupFailureWhenPrintedThenHasNoStackTrace() {
        StartupFailure failure = new StartupFailure("setting x is not set");
        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(failure).hasToString("Portcullis cannot start: setting x is not set");
    }

    @Test
    void demoRealmWhenActiveThenWarnsAndRefusesOnlyInProduction() {
        assertThat(new DemoRealmGuard(true, false).warning())
                .hasValueSatisfying(w -> assertThat(w).contains("DEMO REALM"));
        assertThat(new DemoRealmGuard(true, false).problem()).isEmpty();
        assertThat(new DemoRealmGuard(true, true).problem())
                .hasValueSatisfying(
                        p -> assertThat(p).contains("demo realm", "portcullis.production", "PORTCULLIS_REALM"));
        assertThat(new DemoRealmGuard(false, true).warning()).isEmpty();
        assertThat(new DemoRealmGuard(false, true).problem()).isEmpty();
    }
}
