package dev.portcullis.resourceserver;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application of the root web module: {@code /mcp} and the {@code /.well-known/...} documents, which
 * RFC 8414 section 3 and RFC 9728 section 3 put under the host's root. MicroProfile JWT is this module's one
 * authentication mechanism, so a bearer token authenticates here and nowhere else: the authorization server's
 * pages are another web module (context root {@code /oauth}) whose only login is the realm's FORM login.
 *
 * <p>{@code @Dependent} makes the class a CDI bean ({@code beans.xml} discovers annotated beans only): Payara's MP JWT
 * looks for {@code @LoginConfig} on beans alone and installs no mechanism otherwise.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-jwt-auth-2.1/microprofile-jwt-auth-spec-2.1.html#_marking_a_jax_rs_application_as_requiring_microprofile_jwt_rbac">MicroProfile JWT 2.1, marking a JAX-RS application</a>
 */
@ApplicationPath("/")
@Dependent
@LoginConfig(authMethod = "MP-JWT", realmName = "portcullis-mcp")
public class ResourceServerApplication extends Application {

    /**
     * Jersey (Payara's JAX-RS) buffers the first 8 KiB of an entity to compute Content-Length and ignores flush() while
     * it does, so a streamed SSE response was committed by the servlet flush without its Content-Type and events were
     * held back. A buffer of 0 streams at once. Other implementations ignore the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.outbound.content.length.buffer", 0);
    }
}
