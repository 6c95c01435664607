package dev.portcullis.resourceserver;

import dev.portcullis.mcp.api.Caller;
import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Hands the caller that {@link BearerTokenFilter} established to the {@code /mcp} endpoint as a request property.
 * JAX-RS request properties are the servlet request's attributes (see {@link ContainerRequestContext#setProperty}),
 * so the endpoint reads it without a request-scoped bean, which Weld would otherwise create on every request.
 */
public final class RequestCaller {

    private static final String ATTRIBUTE = RequestCaller.class.getName();

    private RequestCaller() {}

    static void set(ContainerRequestContext request, Caller caller) {
        request.setProperty(ATTRIBUTE, caller);
    }

    /** The caller of this request; {@link Caller#ANONYMOUS} when none was established (an open deployment). */
    public static Caller of(ServletRequest request) {
        return orAnonymous(request.getAttribute(ATTRIBUTE));
    }

    /** The same, for a JAX-RS filter that runs after {@link BearerTokenFilter}. */
    public static Caller of(ContainerRequestContext request) {
        return orAnonymous(request.getProperty(ATTRIBUTE));
    }

    private static Caller orAnonymous(Object property) {
        return property instanceof Caller caller ? caller : Caller.ANONYMOUS;
    }
}
