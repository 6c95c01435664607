package dev.portcullis.oauth.endpoints;

import dev.portcullis.platform.web.PublicCorsFilter;
import jakarta.servlet.annotation.WebFilter;
import java.util.Set;

/**
 * CORS for anonymous registration, the token and the revocation endpoint (POST only). Exact paths: the management
 * endpoints {@code /register/<id>}, {@code /authorize}, the consent and login pages get no CORS.
 */
@WebFilter(
        urlPatterns = {"/register", "/token", "/revoke"},
        asyncSupported = true)
public class AuthorizationServerCorsFilter extends PublicCorsFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected Set<String> methods() {
        return Set.of("POST");
    }
}
