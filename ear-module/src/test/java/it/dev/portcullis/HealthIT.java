package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health endpoints over HTTPS, and what plain HTTP may and may not reach. */
class HealthIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void readyWhenDatabaseUpThenReportsInstallationAndSchema() throws Exception {
        HttpResponse<String> response = get(server.url("/health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Readiness readiness = Readiness.read(server);
        assertThat(readiness.status()).isEqualTo("UP");
        assertThat(readiness.installation()).matches("[0-9a-f-]{36}");
        assertThat(readiness.starts()).isPositive();
        assertThat(readiness.schemaVersion()).isEqualTo("7"); // the newest migration, V7__mcp_request_state_key
    }

    @Test
    void liveWhenServerRunsThenUp() throws Exception {
        HttpResponse<String> response = get(server.url("/health/live"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void plainHttpWhenHealthThenServed() throws Exception {
        HttpResponse<String> response = plainHttp("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpWhenApplicationPathThenRedirectedToHttps() throws Exception {
        HttpResponse<String> response = plainHttp("/.well-known/oauth-authorization-server?x=1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://localhost:" + server.baseUrl().getPort() + "/.well-known/oauth-authorization-server?x=1");
    }

    @Test
    void unknownPathWhenRequestedThenPlain404WithoutServerDetails() throws Exception {
        HttpResponse<String> response = get(server.url("/no-such-thing"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("liberty").doesNotContain("Exception");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return Https.client().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> plainHttp(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
