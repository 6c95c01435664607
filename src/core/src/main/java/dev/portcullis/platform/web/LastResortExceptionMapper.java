package dev.portcullis.platform.web;

import dev.portcullis.json.Jsons;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The exception mapper of last resort: whatever no specific mapper or resource handled becomes a 500 with a fixed
 * JSON body ({@code server_error}, the code RFC 6749 section 4.1.2.1 names for this) and a correlation id, and one
 * log line with that id, the exception's class and the frame that threw it. Neither the response nor the log line
 * carries the exception's message (it may hold request data or a token) or a stack trace; the trace is logged at
 * {@code FINE} for a diagnosis on demand.
 *
 * <p>An {@link IOException} (a truncated body, a client that went away) is 400 {@code invalid_request}, logged
 * at {@code FINE} only. Exceptions that already are an HTTP answer pass through unchanged: {@link WebApplicationException} (404,
 * 405, 415 ...) and an implementation's request failures that carry a 4xx status (RESTEasy's {@code Failure},
 * for example a form body that does not decode), found by their {@code getResponse()} or {@code getErrorCode()}
 * without a compile-time dependency on the implementation.
 *
 * @see <a href="https://jakarta.ee/specifications/restful-ws/3.1/jakarta-restful-ws-spec-3.1#exceptionmapper">Jakarta REST 3.1 section 4.4, exception mapping providers</a>
 */
public class LastResortExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(LastResortExceptionMapper.class.getName());
    private static final String UNREADABLE =
            "{\"error\":\"invalid_request\",\"error_description\":\"The request could not be read.\"}";

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse() != null) {
            return web.getResponse();
        }
        Response carried = carriedClientError(exception);
        if (carried != null) {
            return carried;
        }
        if (exception instanceof IOException) {
            // The request body could not be read: a truncated body, a client that went away. The caller's fault,
            // and nothing for the log above FINE.
            LOG.fine(() -> "Request not readable: " + exception.getClass().getName() + thrownAt(exception));
            return NoStore.set(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE))
                    .entity(UNREADABLE)
                    .build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.severe(() -> "Unhandled " + exception.getClass().getName() + thrownAt(exception) + " [correlation id "
                + correlationId + "]");
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Unhandled exception [correlation id " + correlationId + "]", exception);
        }
        return NoStore.set(Response.serverError().type(MediaType.APPLICATION_JSON_TYPE))
                .entity(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("error", "server_error")
                        .add("error_description", "The server could not answer this request.")
                        .add("correlation_id", correlationId)
                        .build()
                        .toString())
                .build();
    }

    /** A 4xx an implementation exception carries (RESTEasy's {@code Failure}: {@code getResponse}, {@code getErrorCode}). */
    private static Response carriedClientError(Throwable exception) {
        try {
            Method getResponse = exception.getClass().getMethod("getResponse");
            if (Response.class.isAssignableFrom(getResponse.getReturnType())
                    && getResponse.invoke(exception) instanceof Response response
                    && response.getStatus() >= 400
                    && response.getStatus() < 500) {
                return response;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no such method: not an implementation's HTTP failure
        }
        try {
            Method getErrorCode = exception.getClass().getMethod("getErrorCode");
            if (getErrorCode.getReturnType() == int.class
                    && getErrorCode.invoke(exception) instanceof Integer status
                    && status >= 400
                    && status < 500) {
                return Response.status(status).build();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no such method
        }
        return null;
    }

    private static String thrownAt(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length == 0
                ? ""
                : " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    }
}
