package dev.portcullis.mcp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a tool parameter. Without it the parameter is still an argument, named after the Java parameter
 * (the build compiles with {@code -parameters}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolArg {

    /** Marks "no default value". */
    String NO_DEFAULT = "<<no default>>";

    /** The argument name; defaults to the parameter name. */
    String name() default "";

    String description() default "";

    /** Whether the client must send it; {@code Optional} parameters and those with a default never are. */
    boolean required() default true;

    /**
     * Mirrors the argument into the HTTP header {@code Mcp-Param-<header>} (2026-07-28 {@code x-mcp-header}), so
     * that gateways can route on it; the server rejects calls whose header does not match the body. Scalars only.
     */
    String header() default "";

    /** The value used when the client omits the argument, parsed as JSON (or taken as a string). */
    String defaultValue() default NO_DEFAULT;

    /**
     * Whether the value is a secret or personal data that observers must not show: the live inspector redacts it
     * in requests (the audit trail records arguments only for tools that opt in, redacted by name).
     */
    boolean sensitive() default false;
}
