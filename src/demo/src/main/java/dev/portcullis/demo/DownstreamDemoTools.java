package dev.portcullis.demo;

import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.Downstream;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo of outbound credentials (src/docs/outbound.md): a tool that calls the downstream API named {@code demo}
 * through the injected {@code @Downstream} client, which adds the credential Portcullis obtained for it (static key,
 * client credentials, or a token exchanged for this caller). The tool never sees a token.
 */
@ApplicationScoped
public class DownstreamDemoTools {

    @Inject
    @Downstream("demo")
    private Client demo;

    @Inject
    @ConfigProperty(name = "portcullis.downstream.demo.url")
    private Optional<String> url;

    @Tool(name = "downstream_whoami", title = "Downstream who am I",
            description = "Calls the demo downstream API with the credential the server obtained for it and returns "
                    + "what that API saw: the subject and scopes of the token it received.",
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = true))
    public String downstreamWhoAmI(Caller caller) {
        String base = url.orElseThrow(() -> new ToolCallException("The downstream API 'demo' is not configured on this "
                + "server."));
        try (Response response = demo.target(base).path("whoami").request(MediaType.APPLICATION_JSON)
                .property(AccessTokens.CALLER_PROPERTY, caller).get()) {
            if (response.getStatus() != 200) {
                throw new ToolCallException("The demo downstream API answered HTTP " + response.getStatus() + ".");
            }
            return response.readEntity(String.class);
        }
    }
}
