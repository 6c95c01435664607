package dev.portcullis.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/**
 * Parses the posted JSON with JSON-P and answers a JSON-RPC-shaped result, the least work an endpoint doing what
 * /mcp does (read JSON, write JSON) can do.
 */
@Path("/echo")
public class EchoResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String echo(String body) {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            request = reader.readObject();
        }
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.get("id"))
                .add("result", Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", "echo")))).build().toString();
    }
}
