package dev.portcullis.mcp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a no-argument method (or one taking only server-supplied parameters) as a resource with a fixed URI.
 * It returns {@link ResourceContents}, a list of them, or a {@code String} (text contents with
 * {@link #mimeType()}).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources">MCP resources</a>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resource {

    String uri();

    /** Defaults to the method name. */
    String name() default "";

    String title() default "";

    String description() default "";

    String mimeType() default "";
}
