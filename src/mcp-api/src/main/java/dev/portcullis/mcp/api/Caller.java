package dev.portcullis.mcp.api;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the subject of the validated access token, never the token itself (no token passthrough).
 * Declare a parameter of this type on a feature method to receive it. The server fills it from the container's
 * caller, so {@code @RolesAllowed} on an EJB the method calls sees the same identity.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#access-token-privilege-restriction">Access token privilege restriction</a>
 */
public interface Caller {

    /** No validated caller: an open deployment, or a test. */
    Caller ANONYMOUS = new Caller() {
        @Override
        public String name() {
            return null;
        }

        @Override
        public Set<String> groups() {
            return Set.of();
        }

        @Override
        public Set<String> scopes() {
            return Set.of();
        }

        @Override
        public Optional<Object> claim(String name) {
            return Optional.empty();
        }

        @Override
        public boolean isInRole(String role) {
            return false;
        }
    };

    /** The token's subject (the realm user, or the client for client credentials); null when anonymous. */
    String name();

    /** The groups the token carries. */
    Set<String> groups();

    /** The OAuth scopes the token was granted. */
    Set<String> scopes();

    /** A claim of the token other than the token itself, e.g. {@code email}; empty when absent. */
    Optional<Object> claim(String name);

    /** Whether the container maps this caller to {@code role}. */
    boolean isInRole(String role);

    default boolean anonymous() {
        return name() == null;
    }
}
