package dev.portcullis.resourceserver;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the MCP endpoint's filters (origin checks, then bearer-token checks) to
 * {@code dev.portcullis.mcp.transport.McpResource}: here, below the transport, so that this package needs nothing of it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface McpEndpoint {}
