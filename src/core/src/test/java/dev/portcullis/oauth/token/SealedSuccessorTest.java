package dev.portcullis.oauth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.keys.Secrets;
import org.junit.jupiter.api.Test;

/** The sealed successor opens only with the rotated token it was sealed with, and only on its own row. */
class SealedSuccessorTest {

    @Test
    void openWhenSameTokenAndRowThenSuccessorElseNothing() {
        String presented = Secrets.random(32);
        String successor = Secrets.random(32);
        String hash = Secrets.fastHash(presented);
        String sealed = SealedSuccessor.seal(successor, presented, hash);

        assertThat(sealed).doesNotContain(successor);
        assertThat(SealedSuccessor.open(sealed, presented, hash)).contains(successor);
        assertThat(SealedSuccessor.open(sealed, Secrets.random(32), hash))
                .as("another token")
                .isEmpty();
        assertThat(SealedSuccessor.open(sealed, presented, Secrets.fastHash("other row")))
                .as("moved to another row")
                .isEmpty();
        assertThat(SealedSuccessor.open(null, presented, hash))
                .as("rotated before successors were kept")
                .isEmpty();
        assertThat(SealedSuccessor.open("not base64!", presented, hash)).isEmpty();
    }
}
