package dev.portcullis.mcp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method that reads the resources matching an RFC 6570 level-1 URI template such as
 * {@code test://template/{id}/data}. Each {@code String} parameter receives the template variable of the same
 * name (or {@link ResourceTemplateArg#name()}).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource-templates">Resource templates</a>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResourceTemplate {

    String uriTemplate();

    String name() default "";

    String title() default "";

    String description() default "";

    String mimeType() default "";
}
