package dev.portcullis.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The RFC 9068 typ rule: exact for the built-in issuer, configurable for external ones. */
class AccessTokenTypesTest {

    @Test
    void builtInIssuerAcceptsOnlyAtJwtInEitherSpellingAndCase() {
        AccessTokenTypes types = AccessTokenTypes.builtIn();

        assertThat(types.accepts(Optional.of("at+jwt"))).isTrue();
        assertThat(types.accepts(Optional.of("application/AT+JWT"))).isTrue();
        assertThat(types.accepts(Optional.of("JWT"))).isFalse();
        assertThat(types.accepts(Optional.of("dpop+jwt"))).isFalse();
        assertThat(types.accepts(Optional.empty())).isFalse();
    }

    @Test
    void externalIssuerAcceptsTheConfiguredTypesOrAnyWhenNoneAreConfigured() {
        assertThat(AccessTokenTypes.external(List.of("JWT", "at+jwt")).accepts(Optional.of("jwt")))
                .isTrue();
        assertThat(AccessTokenTypes.external(List.of("JWT")).accepts(Optional.empty()))
                .isFalse();
        assertThat(AccessTokenTypes.external(List.of()).accepts(Optional.empty()))
                .isTrue();
        assertThat(AccessTokenTypes.external(List.of()).accepts(Optional.of("logout+jwt")))
                .isTrue();
    }
}
