package dev.portcullis.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;

/**
 * Parses the posted JSON with JSON-P and answers a JSON-RPC-shaped result, the least work an endpoint doing what
 * /mcp does (read JSON, write JSON) can do. It looks the JSON-P provider up once, as the MCP engine does: the
 * {@code Json.create*} shortcuts search for it on every call, which would make this baseline slower than it need be.
 */
@Path("/echo")
public class EchoResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String echo(String body) {
        return answer(body);
    }

    /** The JSON-RPC-shaped answer to {@code body}. */
    static String answer(String body) {
        JsonObject request;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            request = reader.readObject();
        }
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", request.get("id"))
                .add(
                        "result",
                        JSON.createObjectBuilder()
                                .add(
                                        "content",
                                        JSON.createArrayBuilder()
                                                .add(JSON.createObjectBuilder()
                                                        .add("type", "text")
                                                        .add("text", "echo"))))
                .build()
                .toString();
    }
}
