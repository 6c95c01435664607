package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS as a hostile page sees it: the public endpoints a browser-based client needs (discovery, registration, token,
 * revocation) answer any origin with {@code *} and never allow credentials; the authorization endpoint, the consent
 * and login pages and the RFC 7592 management endpoint answer no CORS at all, so no page can read them or act there
 * with the user's session.
 */
class CorsIT {

    private static final String EVIL = "https://evil.example";

    private final AppServer server = AppServer.current();

    @ParameterizedTest
    @CsvSource({
        "/.well-known/oauth-authorization-server,GET",
        "/.well-known/openid-configuration,GET",
        "/.well-known/oauth-protected-resource/mcp,GET",
        "/oauth/register,POST",
        "/oauth/token,POST",
        "/oauth/revoke,POST"
    })
    void preflightWhenPublicEndpointThenAnyOriginWithoutCredentials(String path, String method) throws Exception {
        HttpResponse<String> preflight = preflight(path, method, "content-type, mcp-protocol-version");
        assertThat(preflight.statusCode()).as(path).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as(path)
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .as(path)
                .hasValue(method);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("content-type", "mcp-protocol-version")
                .doesNotContain("authorization", "cookie");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .as(path)
                .isEmpty();

        HttpResponse<String> actual = "GET".equals(method)
                ? send(request(path).GET())
                : send(request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=none")));
        assertThat(actual.headers().allValues("Access-Control-Allow-Origin"))
                .as(path)
                .containsExactly("*");
        assertThat(actual.headers().firstValue("Access-Control-Allow-Credentials"))
                .as(path)
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/oauth/token,DELETE",
        "/oauth/token,PUT",
        "/oauth/register,GET",
        "/.well-known/oauth-authorization-server,POST",
        "/oauth/token,post"
    })
    void preflightWhenMethodNotOfferedThenNoCorsHeaders(String path, String method) throws Exception {
        HttpResponse<String> preflight = preflight(path, method, "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as(path + " " + method)
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/oauth/authorize",
                "/oauth/consents",
                "/oauth/login",
                "/oauth/j_security_check",
                "/oauth/register/some-client",
                "/oauth/jwks",
                "/mcp"
            })
    void corsWhenSessionOrManagementEndpointThenNone(String path) throws Exception {
        HttpResponse<String> preflight = preflight(path, "POST", "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as(path)
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .as(path)
                .isEmpty();
        HttpResponse<String> get = send(request(path).GET());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin"))
                .as(path)
                .isEmpty();
    }

    private HttpResponse<String> preflight(String path, String method, String headers) throws Exception {
        return send(request(path)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.url(path)).header("Origin", EVIL);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
