package dev.portcullis.oauth.metadata;

import dev.portcullis.config.AuthServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one source of the scopes this server offers: the metadata's {@code scopes_supported}, the filter for
 * scopes clients register, and (in part 2) what authorization requests may ask for. Today it is the demo
 * tools' scopes plus {@code portcullis.oauth.scopes}; the MCP tool registry will contribute its scopes here.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 section 2 (scopes_supported)</a>
 */
@ApplicationScoped
public class SupportedScopes {

    /** The demo tools' scopes, always offered. */
    static final List<String> BUILT_IN = List.of("pets:read", "pets:write");

    @Inject
    private AuthServerConfig config;

    /** Every supported scope, in a stable order. */
    public Set<String> all() {
        Set<String> scopes = new LinkedHashSet<>(BUILT_IN);
        scopes.addAll(config.scopes());
        return Collections.unmodifiableSet(scopes);
    }
}
