package dev.portcullis.oauth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7636 appendix B's example, and the verifier's form. */
class PkceTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256WhenRfcExampleThenRfcChallenge() {
        assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.verify(VERIFIER, CHALLENGE)).isTrue();
    }

    @Test
    void verifyWhenWrongOrMalformedVerifierThenFalse() {
        assertThat(Pkce.verify(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verify("short", Pkce.s256("short"))).isFalse();
        assertThat(Pkce.verify(VERIFIER + "!", Pkce.s256(VERIFIER + "!"))).isFalse();
        assertThat(Pkce.verify(null, CHALLENGE)).isFalse();
    }

    @Test
    void wellFormedChallengeWhenNotS256ShapedThenFalse() {
        assertThat(Pkce.wellFormedChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.wellFormedChallenge(VERIFIER + "x")).isFalse();
        assertThat(Pkce.wellFormedChallenge("plain-challenge")).isFalse();
    }
}
