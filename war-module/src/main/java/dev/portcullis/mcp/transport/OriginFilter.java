package dev.portcullis.mcp.transport;

import dev.portcullis.config.McpConfig;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.resourceserver.McpEndpoint;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection for {@code /mcp}: a present {@code Origin} must be a loopback origin or one of
 * {@code portcullis.mcp.allowed-origins}, and the {@code Host} must be a loopback name or the canonical host of
 * {@code portcullis.mcp.resource}. Otherwise 403 with a JSON-RPC error without {@code id} (T25 2.2, SBP25).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning">Security warning</a>
 */
@Provider
@McpEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class OriginFilter implements ContainerRequestFilter {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @Inject
    private McpConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && !originAllowed(origin.strip())) {
            request.abortWith(forbidden("Forbidden: origin " + origin + " is not allowed"));
            return;
        }
        String host = request.getHeaderString("Host");
        if (host != null && !hostAllowed(host.strip())) {
            request.abortWith(forbidden("Forbidden: host is not allowed"));
        }
    }

    boolean originAllowed(String origin) {
        if (config.allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean hostAllowed(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        return LOOPBACK.contains(name) || name.equals(config.canonicalHost());
    }

    private static Response forbidden(String message) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonRpc.error(null, JsonRpcErrorCodes.INVALID_REQUEST, message, null)
                        .toString())
                .build();
    }
}
