package dev.portcullis.mcp.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requestState key the server uses: configured, stored, or generated and stored. */
class RequestStateKeysTest {

    /** A store in memory; {@code rival} is a key another server stores just before us. */
    private static final class MemoryStore implements RequestStateKeyStore {
        byte[] stored;
        byte[] rival;

        @Override
        public Optional<byte[]> load() {
            return Optional.ofNullable(stored);
        }

        @Override
        public boolean storeIfAbsent(byte[] key) {
            if (rival != null) {
                stored = rival;
            }
            if (stored != null) {
                return false;
            }
            stored = key;
            return true;
        }
    }

    @Test
    void resolveWhenConfiguredThenConfiguredKeyAndNothingStored() {
        MemoryStore store = new MemoryStore();
        byte[] configured = new byte[32];

        assertThat(RequestStateKeys.resolve(Optional.of(configured), store)).isSameAs(configured);
        assertThat(store.stored).isNull();
    }

    @Test
    void resolveWhenNothingStoredThenGeneratesStoresAndReusesItOnTheNextStart() {
        MemoryStore store = new MemoryStore();

        byte[] first = RequestStateKeys.resolve(Optional.empty(), store);
        byte[] second = RequestStateKeys.resolve(Optional.empty(), store);

        assertThat(first).hasSize(32).isEqualTo(store.stored).isEqualTo(second);
    }

    @Test
    void resolveWhenAnotherServerStoresFirstThenUsesTheirs() {
        MemoryStore store = new MemoryStore();
        store.rival = new byte[32];
        store.rival[0] = 42;

        assertThat(RequestStateKeys.resolve(Optional.empty(), store)).isEqualTo(store.rival);
    }

    @Test
    void resolveWhenKeyTooShortThenFails() {
        assertThatThrownBy(() -> RequestStateKeys.resolve(Optional.of(new byte[8]), new MemoryStore()))
                .isInstanceOf(IllegalStateException.class);
    }
}
