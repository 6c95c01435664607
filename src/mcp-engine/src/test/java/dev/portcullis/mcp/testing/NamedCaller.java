package dev.portcullis.mcp.testing;

import dev.portcullis.mcp.api.Caller;
import java.util.Optional;
import java.util.Set;

/** A caller with a name and nothing else: an authenticated user of the engine's tests. */
public record NamedCaller(String name) implements Caller {

    @Override
    public Set<String> groups() {
        return Set.of();
    }

    @Override
    public Set<String> scopes() {
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
