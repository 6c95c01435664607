package dev.portcullis.mcp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a prompt. Its {@code String} parameters are the prompt's arguments (see
 * {@link PromptArg}); it returns a {@link PromptMessage}, a list of them, or a {@link PromptResponse}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/prompts">MCP prompts</a>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {

    String name() default "";

    String title() default "";

    String description() default "";
}
