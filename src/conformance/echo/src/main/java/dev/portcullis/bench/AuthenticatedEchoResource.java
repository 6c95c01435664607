package dev.portcullis.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The same echo behind the server's MicroProfile JWT: the echo module's login is MP-JWT (its web.xml), so the
 * {@code mpJwt} configuration of {@code liberty-config/includes/mcp-tokens.xml} authenticates a presented bearer
 * token here exactly as it does on {@code /mcp}. Beside the bare echo, it measures what the container's token
 * authentication costs by itself; without an authenticated caller it answers 401, so the benchmark cannot
 * silently measure an anonymous call.
 */
@Path("/mcp-echo")
public class AuthenticatedEchoResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response echo(String body, @Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .build();
        }
        return Response.ok(EchoResource.answer(body)).build();
    }
}
