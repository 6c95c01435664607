package dev.portcullis.mcp.server.input;

import java.util.Optional;

/**
 * SPI: where the {@code requestState} HMAC key lives when no key is configured, so that it survives restarts and
 * is shared by the servers of one cluster. The engine has no storage of its own; the application implements this
 * (the product WAR on its database, see {@code JpaRequestStateKeyStore}). Implementations must never log the key.
 *
 * @see RequestStateKeys#resolve(Optional, RequestStateKeyStore)
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi-round-trip requests</a>
 */
public interface RequestStateKeyStore {

    /** The stored key, if one was stored. */
    Optional<byte[]> load();

    /** Stores {@code key} unless a key is stored already; true when this call stored it. */
    boolean storeIfAbsent(byte[] key);

    /** A store that keeps nothing: a fresh key per start (tests, embedding without storage). */
    RequestStateKeyStore NONE = new RequestStateKeyStore() {
        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }

        @Override
        public boolean storeIfAbsent(byte[] key) {
            return true;
        }
    };
}
