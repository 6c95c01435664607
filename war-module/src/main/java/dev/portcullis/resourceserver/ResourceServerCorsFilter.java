package dev.portcullis.resourceserver;

import dev.portcullis.platform.web.PublicCorsFilter;
import jakarta.servlet.annotation.WebFilter;
import java.util.Set;

/** CORS for the discovery documents (protected resource and authorization server metadata): GET only. */
@WebFilter(
        urlPatterns = {
            "/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/*",
            "/.well-known/oauth-authorization-server",
            "/.well-known/openid-configuration"
        },
        asyncSupported = true)
public class ResourceServerCorsFilter extends PublicCorsFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }
}
