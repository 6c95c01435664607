package dev.portcullis.mcp.outbound;

import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.DownstreamException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Adds the downstream's credential to each request of its {@code @Downstream} client, for the caller named by
 * {@link AccessTokens#CALLER_PROPERTY} or else in the server's own name, and only when the request goes to the
 * downstream's configured origin: the header never reaches another host. A 401 answer drops the token and sends the
 * request once more with a new one (a revoked or expired-early token); a second 401 is returned as it is.
 */
final class DownstreamFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String SENT = DownstreamFilter.class.getName() + ".sent";
    private static final String RETRY = DownstreamFilter.class.getName() + ".retry";

    private final AccessTokens tokens;
    private final URI origin;

    DownstreamFilter(AccessTokens tokens, URI origin) {
        this.tokens = tokens;
        this.origin = origin;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!Hosts.sameOrigin(request.getUri(), origin)) {
            throw new DownstreamException(
                    tokens.name(),
                    "other_origin",
                    "The client of the downstream API '" + tokens.name() + "' only calls " + origin.getScheme() + "://"
                            + origin.getAuthority() + ".");
        }
        String value = request.getProperty(AccessTokens.CALLER_PROPERTY) instanceof Caller caller
                ? tokens.onBehalfOf(caller)
                : tokens.current();
        request.getHeaders().putSingle(tokens.headerName(), value);
        request.setProperty(SENT, value);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 401
                || request.getProperty(RETRY) != null
                || !(request.getProperty(SENT) instanceof String sent)) {
            return;
        }
        tokens.rejected(sent);
        Invocation.Builder again = request.getClient().target(request.getUri()).request();
        for (Map.Entry<String, List<Object>> header : request.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(tokens.headerName())) {
                header.getValue().forEach(value -> again.header(header.getKey(), value));
            }
        }
        again.property(RETRY, Boolean.TRUE);
        Object caller = request.getProperty(AccessTokens.CALLER_PROPERTY);
        if (caller != null) {
            again.property(AccessTokens.CALLER_PROPERTY, caller);
        }
        try (Response retried = request.hasEntity()
                ? again.method(request.getMethod(), Entity.entity(request.getEntity(), request.getMediaType()))
                : again.method(request.getMethod())) {
            response.setStatus(retried.getStatus());
            response.getHeaders().clear();
            retried.getStringHeaders()
                    .forEach((name, values) -> response.getHeaders().addAll(name, values));
            byte[] body = retried.hasEntity() ? retried.readEntity(byte[].class) : new byte[0];
            response.setEntityStream(new ByteArrayInputStream(body));
        }
    }
}
