package dev.portcullis.oauth.metadata;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The authorization server metadata document: the same metadata at the OpenID Connect discovery URL, for clients that only try that one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 section 3</a>
 */
@Path(".well-known/openid-configuration")
public class OpenIdConfigurationResource {

    @Inject
    private AuthorizationServerMetadata metadata;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok(metadata.document().toString()).header("Cache-Control", AuthorizationServerMetadata.CACHE_CONTROL).build();
    }
}
