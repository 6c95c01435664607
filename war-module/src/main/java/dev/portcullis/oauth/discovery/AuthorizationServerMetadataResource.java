package dev.portcullis.oauth.discovery;

import dev.portcullis.oauth.metadata.AuthorizationServerMetadata;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The authorization server metadata document, at its RFC 8414 well-known URL and, identical, at the OpenID Connect
 * discovery URL for clients that only try that one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 section 3</a>
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID Connect Discovery 1.0 section 4</a>
 */
@Path(".well-known")
public class AuthorizationServerMetadataResource {

    @Inject
    private AuthorizationServerMetadata metadata;

    @GET
    @Path("oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public Response oauthAuthorizationServer() {
        return document();
    }

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openIdConfiguration() {
        return document();
    }

    private Response document() {
        return Response.ok(metadata.document().toString())
                .header("Cache-Control", AuthorizationServerMetadata.CACHE_CONTROL)
                .build();
    }
}
