package dev.portcullis.demo;

import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.Downstream;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo of outbound credentials (src/docs/outbound.md): tools that call a downstream API through the injected
 * {@code @Downstream} client, which adds the credential Portcullis obtained for it (static key, client credentials,
 * or a token exchanged for this caller). The tools never see a token. {@code downstream_whoami} calls the downstream
 * {@code demo} on behalf of the caller (in token-exchange mode; the other modes ignore the caller);
 * {@code downstream_service_whoami} calls {@code demo-service} in the server's own name. The demo profile
 * (liberty-config's realm-basic.xml) points both at the demo downstream API with its static key.
 */
@ApplicationScoped
public class DownstreamDemoTools {

    @Inject
    @Downstream("demo")
    private Client demo;

    @Inject
    @ConfigProperty(name = "portcullis.downstream.demo.url")
    private Optional<String> url;

    @Inject
    @Downstream("demo-service")
    private Client service;

    @Inject
    @ConfigProperty(name = "portcullis.downstream.demo-service.url")
    private Optional<String> serviceUrl;

    @Tool(
            name = "downstream_whoami",
            title = "Downstream who am I",
            description = "Calls the demo downstream API with the credential the server obtained for it and returns "
                    + "what that API saw: the subject and scopes of the token it received.",
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = true))
    public String downstreamWhoAmI(Caller caller) {
        return whoami(demo, "demo", url, caller);
    }

    @Tool(
            name = "downstream_service_whoami",
            title = "Downstream who am I, as the server",
            description = "Calls the demo downstream API in this server's own name (its service credential, never the "
                    + "caller's) and returns what that API saw: the subject and scopes of the token it received.",
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = true))
    public String downstreamServiceWhoAmI() {
        return whoami(service, "demo-service", serviceUrl, null);
    }

    /** {@code GET <url>/whoami} through the downstream's client; for {@code caller} when not null. */
    private static String whoami(Client client, String name, Optional<String> base, Caller caller) {
        String target = base.orElseThrow(() ->
                new ToolCallException("The downstream API '" + name + "' is not " + "configured on this server."));
        Invocation.Builder request = client.target(target).path("whoami").request(MediaType.APPLICATION_JSON);
        if (caller != null) {
            request.property(AccessTokens.CALLER_PROPERTY, caller);
        }
        try (Response response = request.get()) {
            if (response.getStatus() != 200) {
                throw new ToolCallException("The demo downstream API answered HTTP " + response.getStatus() + ".");
            }
            return response.readEntity(String.class);
        }
    }
}
