package dev.portcullis.demodownstream;

import dev.portcullis.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /demo-downstream/whoami}: checks the static API key in {@value #KEY_HEADER} (outbound-credentials mode 1,
 * with a configured header name) and answers with who it took the caller for and which headers carried credentials.
 * Active only when {@code portcullis.demo-realm} is true (set by liberty-config's realm-basic.xml, the demo profile),
 * {@code portcullis.production} is not, and {@code portcullis.demo-downstream.key} is set; otherwise 404, so an
 * installation with a real realm has no such endpoint.
 */
@Path("/demo-downstream")
@ApplicationScoped
public class DemoDownstreamResource {

    static final String KEY_HEADER = "X-Demo-Api-Key";

    @Inject
    @ConfigProperty(name = "portcullis.demo-realm", defaultValue = "false")
    private String demoRealm;

    @Inject
    @ConfigProperty(name = "portcullis.production", defaultValue = "false")
    private String production;

    @Inject
    @ConfigProperty(name = "portcullis.demo-downstream.key")
    private Optional<String> key;

    @GET
    @Path("whoami")
    @Produces(MediaType.APPLICATION_JSON)
    public Response whoami(
            @HeaderParam(KEY_HEADER) String presented, @HeaderParam("Authorization") String authorization) {
        if (!active()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        key.orElseThrow().getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("error", "invalid_api_key")
                            .build()
                            .toString())
                    .build();
        }
        return Response.ok(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("downstream", "portcullis demo downstream")
                        .add("credential", "static API key in " + KEY_HEADER)
                        .add("subject", "portcullis-demo")
                        .add("scopes", "demo:read")
                        // The MCP caller's token must never be forwarded (MCP authorization, token passthrough).
                        .add("authorization_header", authorization == null ? "absent" : "present")
                        .build()
                        .toString())
                .build();
    }

    private boolean active() {
        return "true".equalsIgnoreCase(demoRealm.trim())
                && !"true".equalsIgnoreCase(production.trim())
                && key.filter(value -> !value.isBlank()).isPresent();
    }
}
