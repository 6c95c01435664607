package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.RawHttps;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Form bodies of the authorization server are capped before they are buffered: a request that declares more
 * bytes than the limit is answered at once, without waiting for (or reading) the body. Token and revocation
 * requests get {@code invalid_request} (RFC 6749 section 5.2, RFC 7009 section 2.2.1); the browser forms
 * ({@code /oauth/authorize}, {@code /oauth/consents}) get 413 (RFC 9110 section 15.5.14). The requests go over a
 * raw socket because they declare 50 MB and send 1 KiB: a server that reads the whole body first never answers.
 */
class RequestBodyLimitIT {

    private static final int PATIENCE_MILLIS = 10_000;
    private static final byte[] SOME_BYTES =
            ("grant_type=client_credentials&x=" + "a".repeat(1000)).getBytes(StandardCharsets.US_ASCII);

    private final LibertyServer server = LibertyServer.current();

    @Test
    void tokenWhenDeclaredBodyTooLargeThenInvalidRequestUnread() throws Exception {
        String answer = declaringFiftyMegabytes("/oauth/token", "");

        assertThat(RawHttps.status(answer))
                .as("status of a token request declaring 50 MB (-1: no answer within " + PATIENCE_MILLIS
                        + " ms, the server waits for the body)")
                .isEqualTo(400);
        assertThat(answer).contains("\"invalid_request\"");
    }

    @Test
    void revokeWhenDeclaredBodyTooLargeThenInvalidRequestUnread() throws Exception {
        String answer = declaringFiftyMegabytes("/oauth/revoke", "");

        assertThat(RawHttps.status(answer))
                .as("status of a revocation request declaring 50 MB")
                .isEqualTo(400);
        assertThat(answer).contains("\"invalid_request\"");
    }

    @Test
    void tokenWhenChunkedBodyGrowsPastTheLimitThenInvalidRequest() throws Exception {
        byte[] chunk = ("4400\r\n" + "a".repeat(0x4400) + "\r\n").getBytes(StandardCharsets.US_ASCII); // 17 KiB, no end
        String answer = RawHttps.exchange(server, RawHttps.request("""
                POST /oauth/token HTTP/1.1
                Host: localhost
                Content-Type: application/x-www-form-urlencoded
                Transfer-Encoding: chunked""", chunk), PATIENCE_MILLIS);

        assertThat(RawHttps.status(answer))
                .as("status of a chunked token request past 16 KiB that never ends")
                .isEqualTo(400);
    }

    @Test
    void consentsWhenDeclaredBodyTooLargeThen413Unread() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");

        String answer = declaringFiftyMegabytes("/oauth/consents", "Cookie: " + alice.cookieHeader() + "\n");

        assertThat(RawHttps.status(answer))
                .as("status of a consents form declaring 50 MB")
                .isEqualTo(413);
    }

    @Test
    void authorizeWhenDeclaredBodyTooLargeThen413Unread() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");

        String answer = declaringFiftyMegabytes("/oauth/authorize", "Cookie: " + alice.cookieHeader() + "\n");

        assertThat(RawHttps.status(answer))
                .as("status of an authorization form declaring 50 MB")
                .isEqualTo(413);
    }

    @Test
    void accountAndConsoleFormsWhenDeclaredBodyTooLargeThen413Unread() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");

        String tokens = declaringFiftyMegabytes("/oauth/account/tokens", "Cookie: " + alice.cookieHeader() + "\n");
        String rotate = declaringFiftyMegabytes(
                "/oauth/console/settings/rotate-key", "Cookie: " + operator.cookieHeader() + "\n");

        assertThat(RawHttps.status(tokens))
                .as("status of a personal token form declaring 50 MB")
                .isEqualTo(413);
        assertThat(RawHttps.status(rotate))
                .as("status of a key rotation form declaring 50 MB")
                .isEqualTo(413);
    }

    private String declaringFiftyMegabytes(String path, String extraHeaders) throws Exception {
        return RawHttps.exchange(
                server,
                RawHttps.request(
                        "POST " + path + " HTTP/1.1\n"
                                + "Host: localhost\n"
                                + "Content-Type: application/x-www-form-urlencoded\n"
                                + extraHeaders
                                + "Content-Length: 50000000",
                        SOME_BYTES),
                PATIENCE_MILLIS);
    }
}
