package dev.portcullis.mcp.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the downstream API whose credentials an injected {@link AccessTokens} or JAX-RS
 * {@link jakarta.ws.rs.client.Client} carries, configured under {@code portcullis.downstream.<name>.*}
 * (src/docs/outbound.md):
 *
 * <pre>{@code
 * @Inject @Downstream("erp") jakarta.ws.rs.client.Client erp;   // adds Authorization for erp's URL only
 * @Inject @Downstream("erp") AccessTokens erpTokens;            // erpTokens.current(), erpTokens.onBehalfOf(caller)
 * }</pre>
 *
 * A name without configuration fails the deployment, naming the missing key.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface Downstream {

    /** The downstream's name: letters, digits, {@code -} and {@code _}. */
    @Nonbinding
    String value();
}
