package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the audit API (/oauth/admin/audit, as the demo realm's auditor) recorded of one SDK journey: the client the
 * SDK registered (found by its client_name), its records in order, and the checks of the acceptance.
 */
final class JourneyAudit {

    /** A compact JWS: any access token, and what the server never writes into a record or a log. */
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

    private final AppServer server;
    private final Instant start;
    private final String clientId;

    private JourneyAudit(AppServer server, Instant start, String clientId) {
        this.server = server;
        this.start = start;
        this.clientId = clientId;
    }

    /** The journey since {@code start} of the client registered with a name starting with {@code prefix} and containing {@code era}. */
    static JourneyAudit of(AppServer server, Instant start, String prefix, String era) throws Exception {
        List<JsonObject> registered = records(server, "type=client.registered&from=" + start);
        String clientId = registered.stream()
                .filter(r -> {
                    String name = r.getJsonObject("details").getString("client_name", "");
                    return name.startsWith(prefix) && name.contains(era);
                })
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no client.registered of the SDK in " + registered))
                .getString("client_id");
        return new JourneyAudit(server, start, clientId);
    }

    void assertJourneyRecorded() throws Exception {
        List<JsonObject> records = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            records = records(
                    server, "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&from=" + start);
            if (records.stream().anyMatch(r -> r.getString("type").equals("revocation.requested"))) {
                break;
            }
            Thread.sleep(200);
        }
        List<String> types = records.stream().map(r -> r.getString("type")).toList();
        assertThat(types)
                .as("the SDK journey's records for %s, in order", clientId)
                .containsSubsequence(
                        "client.registered",
                        "login.succeeded",
                        "authorization.started",
                        "consent.shown",
                        "consent.granted",
                        "code.issued",
                        "token.issued",
                        "mcp.session.opened",
                        "mcp.tools.call",
                        "bearer.refused",
                        "authorization.started",
                        "consent.granted",
                        "code.issued",
                        "token.issued",
                        "mcp.tools.call",
                        "refresh.rotated",
                        "token.issued",
                        "revocation.requested");
        JsonObject firstAuthorization = records.stream()
                .filter(r -> r.getString("type").equals("authorization.started"))
                .findFirst()
                .orElseThrow();
        String flowId = firstAuthorization.getString("flow_id");
        List<String> flow = records.stream()
                .filter(r -> flowId.equals(r.getString("flow_id", null)))
                .map(r -> r.getString("type"))
                .toList();
        assertThat(flow)
                .as("the first authorization, under flow %s", flowId)
                .containsSubsequence(
                        "login.succeeded",
                        "authorization.started",
                        "consent.shown",
                        "consent.granted",
                        "code.issued",
                        "token.issued");
        assertThat(records.stream()
                        .filter(r -> r.getString("type").equals("bearer.refused"))
                        .map(r -> r.getJsonObject("details").getString("reason")))
                .as("the step-up's refusal")
                .contains("insufficient_scope");
        assertThat(records.stream().filter(r -> r.getString("type").equals("mcp.tools.call")))
                .allSatisfy(r -> assertThat(r.getString("subject", null)).isEqualTo("alice"));

        String export = get("/oauth/admin/audit/export?from=" + start).body();
        List<String> leaks = new ArrayList<>();
        if (JWT.matcher(export).find()) {
            leaks.add("a JWT in the audit export");
        }
        if (export.contains("alice-password")) {
            leaks.add("alice's password in the audit export");
        }
        Thread.sleep(1_000); // the server writes its logs asynchronously
        for (Path log : logFiles()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (JWT.matcher(text).find()) {
                leaks.add("a JWT in " + log.getFileName());
            }
            if (text.contains("alice-password")) {
                leaks.add("alice's password in " + log.getFileName());
            }
        }
        assertThat(leaks)
                .as("secrets of the SDK journey in the audit trail or the server's logs")
                .isEmpty();
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(server.log().getParent())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".log") || name.startsWith("messages");
                    })
                    .toList();
        }
    }

    private static List<JsonObject> records(AppServer server, String query) throws Exception {
        HttpResponse<String> response = get(server, "/oauth/admin/audit?limit=1000&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body()))
                .readObject()
                .getJsonArray("records")
                .getValuesAs(JsonValue::asJsonObject);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return get(server, pathAndQuery);
    }

    private static HttpResponse<String> get(AppServer server, String pathAndQuery) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(server.url(pathAndQuery))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("auditor:auditor-password"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
