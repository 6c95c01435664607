package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * {@code login.failed} records: a failed FORM login of a browser is recorded, and the error page, which any caller
 * can request (Liberty reaches it by a redirect), cannot be used to forge failures without bound: each source
 * address gets {@code portcullis.audit.login-failures-per-minute} (default 10) records in any 60 seconds, the rest are
 * counted. The forging caller sends from another loopback address (127.0.0.77), so its flood does not spend the
 * budget of the browser on 127.0.0.1, and claims another address in every header a proxy or the WebSphere plug-in
 * would use, which must not change the source counted.
 */
class LoginFailureAuditIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    private static final int PER_MINUTE = 10;

    @Test
    void failedFormLoginWhenBrowserSignsInWithAWrongPasswordThenLoginFailedIsRecorded() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        UserSession browser = UserSession.anonymous();
        HttpResponse<String> challenge = browser.get("/oauth/consents");
        assertThat(challenge.statusCode()).isEqualTo(302);
        browser.get(path(challenge.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> failed = browser.postForm(
                "/oauth/j_security_check", Map.of("j_username", "alice", "j_password", "not-alices-password"));
        // Servlet 6.0 section 13.6.3.1 leaves it to the container: a forward answers here, a redirect points there.
        System.out.println("A wrong password at j_security_check was answered " + failed.statusCode() + " "
                + failed.headers().firstValue("Location").orElse("(no Location)"));
        HttpResponse<String> errorPage = failed;
        if (failed.statusCode() / 100 == 3) {
            String location = failed.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/oauth/login-error");
            errorPage = browser.get(path(location));
        }
        assertThat(errorPage.statusCode()).isEqualTo(200);
        assertThat(errorPage.body()).contains("id=\"login-error\"").doesNotContain("not-alices-password");
        String requestId = errorPage.headers().firstValue("X-Request-Id").orElseThrow();

        List<JsonObject> records = AuditTrailIT.awaitRecords(
                "type=login.failed&request_id=" + requestId + "&from=" + start, "login.failed");
        assertThat(records).as("the browser's failed login").hasSize(1);
        JsonObject details = records.get(0).getJsonObject("details");
        assertThat(records.get(0).getString("outcome")).isEqualTo("failed");
        assertThat(details.getString("source")).isEqualTo("127.0.0.1");
        assertThat(details.getString("dispatch"))
                .as("how the container reached the error page (%s)", failed.statusCode())
                .isEqualTo(failed.statusCode() / 100 == 3 ? "request" : "forward");
        assertThat(records.get(0).toString()).doesNotContain("not-alices-password");
    }

    @Test
    void loginErrorPageWhenAnyoneRequestsItRepeatedlyThenRecordsAreBoundedPerSourceAndTheRestCounted()
            throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String marker = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        int forged = 3 * PER_MINUTE;
        for (int i = 0; i < forged; i++) {
            String answer = getFrom("127.0.0.77", "/oauth/login-error", marker + "-" + i);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
        // the last forged request also waits for everything before it: the queue is written in order
        List<JsonObject> records = List.of();
        for (int attempt = 0; attempt < 25; attempt++) {
            Thread.sleep(200);
            records = AuditTrailIT.json(AuditTrailIT.get(
                            "/oauth/admin/audit?limit=1000&type=login.failed&from=" + start,
                            "auditor",
                            "auditor-password"))
                    .getJsonArray("records")
                    .getValuesAs(JsonValue::asJsonObject)
                    .stream()
                    .filter(r -> r.getString("request_id", "").startsWith(marker))
                    .toList();
        }
        assertThat(records)
                .as("login.failed records of %s requests of the error page from one source", forged)
                .hasSizeLessThanOrEqualTo(PER_MINUTE)
                .isNotEmpty();
        assertThat(records)
                .allSatisfy(r -> assertThat(r.getJsonObject("details").getString("source"))
                        .as("the TCP peer, not the address the request claims")
                        .isEqualTo("127.0.0.77"));
        assertThat(records)
                .allSatisfy(r -> assertThat(r.getJsonObject("details").getString("dispatch"))
                        .as("a request nobody forwarded")
                        .isEqualTo("request"));
        if (records.size() == PER_MINUTE) {
            assertThat(records.get(PER_MINUTE - 1).getJsonObject("details").getString("limited", null))
                    .as("the last record of the minute says further ones are counted")
                    .isEqualTo("true");
        }
    }

    /** A GET sent from {@code localAddress} (another loopback address), over TLS; the answer's status line and head. */
    private static String getFrom(String localAddress, String path, String requestId) throws IOException {
        URI base = SERVER.baseUrl();
        try (SSLSocket socket = (SSLSocket) Https.trustingServer(SERVER)
                .getSocketFactory()
                .createSocket(
                        InetAddress.getByName("127.0.0.1"), base.getPort(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                                    + "\r\nX-Request-Id: " + requestId
                                    // what a caller may claim about its address: a proxy's header, WebSphere's private
                                    // header
                                    + "\r\nX-Forwarded-For: 203.0.113.9\r\nForwarded: for=203.0.113.9\r\n$WSRA: 203.0.113.9"
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | javax.net.ssl.SSLException ended) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
