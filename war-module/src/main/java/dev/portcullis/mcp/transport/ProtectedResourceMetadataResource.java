package dev.portcullis.mcp.transport;

import dev.portcullis.json.Jsons;
import dev.portcullis.resourceserver.ResourceServerConfig;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * Protected Resource Metadata for {@code /mcp}, at the path-suffixed location clients try first and at the root.
 * Public, cacheable and readable cross-origin, as discovery happens before any credential exists.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9728#section-3">RFC 9728 section 3</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#authorization-server-location">Authorization server location</a>
 */
@Path("/.well-known/oauth-protected-resource")
public class ProtectedResourceMetadataResource {

    @Inject
    private ResourceServerConfig config;

    @Inject
    private McpEngine engine;

    @GET
    public Response root() {
        return document();
    }

    /** Only the resource's own path: {@code /.well-known/oauth-protected-resource/mcp} for {@code https://host/mcp}. */
    @GET
    @Path("{path: .+}")
    public Response suffixed(@PathParam("path") String path) {
        String resourcePath = URI.create(config.resource()).getRawPath();
        if (!("/" + path).equals(resourcePath)) {
            return Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"error\":\"not_found\",\"error_description\":\"No protected resource at this path\"}")
                    .build();
        }
        return document();
    }

    private Response document() {
        String body = Jsons.PROVIDER
                .createObjectBuilder()
                .add("resource", config.resource())
                .add("authorization_servers", array(List.of(config.trustedIssuer())))
                .add("scopes_supported", array(engine.server().scopesDeclared()))
                .add("bearer_methods_supported", array(List.of("header")))
                .add("resource_name", "Portcullis MCP")
                .build()
                .toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
