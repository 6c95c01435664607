package dev.portcullis.mcp.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes an access token must carry to use a tool, resource or prompt. On a class it applies to every
 * feature method of the class; on a method it adds to the class's scopes. A call without them is answered with
 * HTTP 403 {@code insufficient_scope} naming every scope the operation needs, so the client can step up.
 * The union of all declared scopes is the protected resource's {@code scopes_supported}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 section 3.1 (insufficient_scope)</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling">Scope challenge handling</a>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScopes {

    /** Every scope needed, e.g. {@code "pets:write"}. */
    String[] value();
}
