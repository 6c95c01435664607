package it.dev.portcullis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.ServerLog;
import it.dev.portcullis.support.ServiceToken;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * JSON nested deeper than the one JSON reader allows is a spec-shaped error, never a 500: JSON-RPC -32700 with
 * HTTP 400 at {@code /mcp} (JSON-RPC 2.0 section 5.1), {@code invalid_client_metadata} at {@code /oauth/register}
 * (RFC 7591 section 3.2.2). Answers the JAX-RS runtime gives itself (404, 405) pass the last-resort mapper
 * unchanged.
 */
class MalformedJsonIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void mcpWhenNestedTwoHundredThousandDeepThenParseError400() throws Exception {
        ServerLog log = ServerLog.markEnd(server);
        McpHttp.Answer answer = McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + ServiceToken.of(server, "pets:read"))
                .header("MCP-Protocol-Version", McpHttp.LEGACY)
                .post("[".repeat(200_000));

        assertThat(answer.status()).as("HTTP status for 200,000 [ at /mcp").isEqualTo(400);
        assertThat(answer.response().body()).contains("-32700");
        assertThat(log.stackTraceLines()).as("stack traces in messages.log").isEmpty();
    }

    @Test
    void registerWhenNestedDeepThenInvalidClientMetadata() throws Exception {
        ServerLog log = ServerLog.markEnd(server);
        HttpResponse<String> answer =
                post("/oauth/register", "application/json", "{\"client_name\":" + "[".repeat(15_000));

        assertThat(answer.statusCode())
                .as("HTTP status for 15,000 [ at /oauth/register")
                .isEqualTo(400);
        assertThat(answer.body()).contains("\"invalid_client_metadata\"");
        assertThat(log.stackTraceLines()).as("stack traces in messages.log").isEmpty();
    }

    @Test
    void malformedContentTypeThen400WithoutAStackTrace() throws Exception {
        ServerLog log = ServerLog.markEnd(server);

        assertThat(post("/oauth/token", "a/b/c", "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(400);
        assertThat(McpHttp.to(server.url("/mcp"))
                        .header("Authorization", "Bearer " + ServiceToken.of(server, "pets:read"))
                        .header("Content-Type", "a/b/c")
                        .post("{}")
                        .status())
                .isEqualTo(400);
        assertThat(log.stackTraceLines()).as("stack traces in messages.log").isEmpty();
    }

    @Test
    void runtimeAnswersPassTheLastResortMapperUnchanged() throws Exception {
        assertThat(Https.client()
                        .send(
                                HttpRequest.newBuilder(server.url("/oauth/no-such-endpoint"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(Https.client()
                        .send(
                                HttpRequest.newBuilder(server.url("/oauth/jwks"))
                                        .method("PATCH", HttpRequest.BodyPublishers.ofString("x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(405);
        assertThat(Https.client()
                        .send(
                                HttpRequest.newBuilder(server.url("/mcp"))
                                        .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isIn(401, 405);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(server.url(path))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
