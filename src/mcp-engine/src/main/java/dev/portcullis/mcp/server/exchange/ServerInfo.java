package dev.portcullis.mcp.server.exchange;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * The server's {@code Implementation} object and its optional instructions.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#implementation">Implementation</a>
 */
public record ServerInfo(String name, String version, String instructions) {

    public ServerInfo {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(version, "version cannot be null");
    }

    public JsonObject toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("name", name)
                .add("version", version)
                .build();
    }
}
