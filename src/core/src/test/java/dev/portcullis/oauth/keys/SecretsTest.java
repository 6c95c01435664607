package dev.portcullis.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomWhen32BytesThen43Base64UrlCharactersAndUnique() {
        String a = Secrets.random(32);

        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.random(32)).isNotEqualTo(a);
    }

    @Test
    void slowHashWhenVerifiedThenOnlyTheSecretMatches() {
        String hash = Secrets.slowHash("s3cret", 1_000);

        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("s3cret");
        assertThat(Secrets.matches("s3cret", hash)).isTrue();
        assertThat(Secrets.matches("s3cret!", hash)).isFalse();
        assertThat(Secrets.slowHash("s3cret", 1_000)).isNotEqualTo(hash); // salted
    }

    @Test
    void fastHashWhenVerifiedThenOnlyTheTokenMatches() {
        String hash = Secrets.fastHash("token");

        assertThat(Secrets.matches("token", hash)).isTrue();
        assertThat(Secrets.matches("Token", hash)).isFalse();
    }

    @Test
    void matchesWhenInputMissingOrMalformedThenFalse() {
        assertThat(Secrets.matches(null, Secrets.fastHash("x"))).isFalse();
        assertThat(Secrets.matches("x", null)).isFalse();
        assertThat(Secrets.matches("x", "plain-x")).isFalse();
    }
}
