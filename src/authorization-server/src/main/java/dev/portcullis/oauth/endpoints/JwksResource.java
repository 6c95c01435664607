package dev.portcullis.oauth.endpoints;

import dev.portcullis.oauth.keys.NimbusJose;
import dev.portcullis.oauth.keys.SigningKeys;
import dev.portcullis.oauth.metadata.AuthorizationServerMetadata;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public JWK Set at the metadata's {@code jwks_uri}: the active signing key and retired keys whose tokens
 * may still be in use. Never a private key.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 section 5</a>
 */
@Path("/jwks")
public class JwksResource {

    @EJB
    private SigningKeys keys;

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response get() {
        return Response.ok(NimbusJose.publicJwkSet(keys.published()))
                .type("application/jwk-set+json")
                .header("Cache-Control", AuthorizationServerMetadata.CACHE_CONTROL)
                .build();
    }
}
