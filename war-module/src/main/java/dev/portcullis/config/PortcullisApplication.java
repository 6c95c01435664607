package dev.portcullis.config;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application, at the context root, so that {@code /mcp} and {@code /.well-known/...} are served
 * by the same module (RFC 8414 section 3 and RFC 9728 section 3 put metadata under the host's root).
 */
@ApplicationPath("/")
public class PortcullisApplication extends Application {
}
