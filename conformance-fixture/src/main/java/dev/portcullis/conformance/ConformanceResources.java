package dev.portcullis.conformance;

import dev.portcullis.mcp.api.BlobResourceContents;
import dev.portcullis.mcp.api.ResourceContents;
import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.ResourceTemplate;
import dev.portcullis.mcp.api.TextResourceContents;
import jakarta.enterprise.context.ApplicationScoped;

/** The conformance suite's resources and resource template. */
@ApplicationScoped
public class ConformanceResources {

    @Resource(uri = "test://static-text", name = "static-text", description = "A static text resource",
            mimeType = "text/plain")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @Resource(uri = "test://static-binary", name = "static-binary", description = "A static binary resource",
            mimeType = "image/png")
    public ResourceContents staticBinary() {
        return new BlobResourceContents("test://static-binary", "image/png", ConformanceTools.PNG);
    }

    @Resource(uri = "test://watched-resource", name = "watched-resource", description = "A resource to subscribe to",
            mimeType = "text/plain")
    public String watched() {
        return "Watched resource content";
    }

    @ResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template-data",
            description = "Data for an id", mimeType = "application/json")
    public ResourceContents template(String id) {
        return new TextResourceContents("test://template/" + id + "/data", "application/json",
                "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}");
    }
}
