package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.ServerUnderTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token the server's MicroProfile JWT rejects (here: a well-formed ES256 JWT signed by no key of the issuer) gets
 * the application's RFC 6750 challenge on every server, whether the server leaves the request anonymous (Liberty)
 * or answers 401 itself (Payara, through web.xml's error page).
 */
@ExtendWith(ServerUnderTest.class)
class RejectedTokenChallengeIT {

    /** {"alg":"ES256","typ":"at+jwt"}.{"sub":"mallory"}.(64 bytes of signature that no key made) */
    private static final String FORGED = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJtYWxsb3J5In0."
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void rejectedTokenGetsTheInvalidTokenChallenge() throws Exception {
        AppServer server = AppServer.current();
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/mcp"))
                                .header("Authorization", "Bearer " + FORGED)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .get()
                .asString()
                .startsWith("Bearer ")
                .contains("error=\"invalid_token\"")
                .contains("resource_metadata=\"" + server.url("/.well-known/oauth-protected-resource/mcp") + "\"");
        assertThat(response.body())
                .contains("\"error\":\"invalid_token\"")
                .doesNotContain(FORGED)
                .doesNotContainIgnoringCase("exception");
    }
}
