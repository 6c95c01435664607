package dev.portcullis.oauth.metadata;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.mcp.tools.FeatureDiscoveryExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one source of the scopes this server offers: the metadata's {@code scopes_supported}, the filter for
 * scopes clients register, and what authorization requests may ask for: every scope the deployed MCP tools,
 * resources and prompts declare ({@code @RequiresScopes}), plus {@code portcullis.oauth.scopes}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 section 2 (scopes_supported)</a>
 */
@ApplicationScoped
public class SupportedScopes {

    @Inject
    private FeatureDiscoveryExtension features;

    @Inject
    private AuthServerConfig config;

    /** Every supported scope, in a stable order. */
    public Set<String> all() {
        Set<String> scopes = new LinkedHashSet<>(features.registry().scopesDeclared());
        scopes.addAll(config.scopes());
        return Collections.unmodifiableSet(scopes);
    }
}
