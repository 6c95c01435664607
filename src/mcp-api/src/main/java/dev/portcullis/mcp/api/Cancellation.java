package dev.portcullis.mcp.api;

/**
 * Tells a long-running feature method whether the client cancelled the request (legacy
 * {@code notifications/cancelled}, or a closed response stream). Declare a parameter of this type to receive it.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/cancellation">Cancellation</a>
 */
public interface Cancellation {

    boolean isCancelled();
}
