package dev.portcullis.mcp.testing;

import dev.portcullis.mcp.api.Caller;
import java.util.Optional;
import java.util.Set;

/** A caller with a name and scopes, no groups or roles: an authenticated user of the engine's tests. */
public record NamedCaller(String name, Set<String> scopes) implements Caller {

    /** Without scopes. */
    public NamedCaller(String name) {
        this(name, Set.of());
    }

    @Override
    public Set<String> groups() {
        return Set.of();
    }

    @Override
    public Optional<Object> claim(String claim) {
        return Optional.empty();
    }

    @Override
    public boolean isInRole(String role) {
        return false;
    }
}
