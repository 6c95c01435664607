package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail after a whole connection attempt: a confidential client registers, alice opens the authorization
 * request in a fresh browser session (FORM login in between, as a browser meets it, with a mistyped password first),
 * approves, the client redeems the code with its secret, opens an MCP session, calls tools, ends the session,
 * refreshes, revokes, and finally deletes its registration (RFC 7592). The operator
 * API then shows every step, in order, the OAuth steps under one flow id that the token response shares; and neither
 * the export nor the server's logs hold any secret the journey used. Also: who may read the API, and bad filters.
 */
class AuditTrailIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    private static final String ADMIN = "auditor";
    private static final String ADMIN_PASSWORD = "auditor-password";

    private final TokenApi api = new TokenApi(SERVER);

    @Test
    void journeyWhenCompleteThenEveryStepInOrderUnderOneFlowAndNoSecretAnywhere() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Audit IT"), null, CodeFlowTokens.REDIRECT);
        String clientId = registered.getString("client_id");
        String clientSecret = registered.getString("client_secret");
        String registrationToken = registered.getString("registration_access_token");

        // The browser's way: the authorization request first, the realm's login page, back to the request.
        UserSession browser = UserSession.anonymous();
        Map<String, String> request = AuthorizeFixtures.with(
                AuthorizeFixtures.request(clientId, CodeFlowTokens.REDIRECT), "scope", "pets:read pets:write");
        HttpResponse<String> toLogin = browser.authorize(request);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        browser.get(path(toLogin.headers().firstValue("Location").orElseThrow()));
        // A mistyped password first: the realm refuses it and the container shows its error page.
        HttpResponse<String> mistyped = browser.postForm(
                "/oauth/j_security_check", Map.of("j_username", "alice", "j_password", "alice-passw0rd"));
        HttpResponse<String> errorPage = mistyped.statusCode() / 100 == 3
                ? browser.get(path(mistyped.headers().firstValue("Location").orElseThrow()))
                : mistyped;
        assertThat(errorPage.body()).contains("id=\"login-error\"");
        String failedLoginRequest =
                errorPage.headers().firstValue("X-Request-Id").orElseThrow();
        HttpResponse<String> loggedIn = browser.postForm(
                "/oauth/j_security_check", Map.of("j_username", "alice", "j_password", "alice-password"));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> consent =
                browser.get(path(loggedIn.headers().firstValue("Location").orElseThrow()));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<String> approved = browser.postForm(
                "/oauth/authorize",
                AuthorizeFixtures.with(UserSession.hiddenFields(consent.body()), "decision", "approve"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        String code = UserSession.redirectParameters(approved).get("code");
        // A forged form naming this flow (bad CSRF token) is refused and must not write into the flow.
        HttpResponse<String> forged = browser.postForm(
                "/oauth/authorize",
                AuthorizeFixtures.with(
                        AuthorizeFixtures.with(UserSession.hiddenFields(consent.body()), "decision", "approve"),
                        "csrf_token",
                        "9999999999.AAAA"));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> tokenResponse = api.token(
                TokenApi.form(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "code_verifier",
                        AuthorizeFixtures.VERIFIER,
                        "redirect_uri",
                        CodeFlowTokens.REDIRECT,
                        "resource",
                        TokenApi.expectedResource()),
                clientId,
                clientSecret);
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonObject tokens = RegistrationApi.json(tokenResponse);
        String accessToken = tokens.getString("access_token");
        String refreshToken = tokens.getString("refresh_token");

        McpHttp mcp = McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer " + accessToken);
        McpHttp.Answer init = mcp.post(McpHttp.request(
                "initialize",
                "{\"protocolVersion\":\"" + McpHttp.LEGACY
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"audit-it\",\"version\":\"1\"}}"));
        assertThat(init.status()).isEqualTo(200);
        String session = init.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
        McpHttp inSession = mcp.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", McpHttp.LEGACY);
        inSession.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(inSession
                        .post(McpHttp.request("tools/call", "{\"name\":\"list_pets\",\"arguments\":{}}"))
                        .status())
                .isEqualTo(200);
        assertThat(inSession
                        .post(
                                McpHttp.request(
                                        "tools/call",
                                        "{\"name\":\"add_pet\",\"arguments\":{\"name\":\"Audit Rex\",\"species\":\"dog\",\"dryRun\":true}}"))
                        .status())
                .isEqualTo(200);
        assertThat(inSession
                        .post(McpHttp.request("tools/call", "{\"name\":\"no_such_tool\",\"arguments\":{}}"))
                        .status())
                .isEqualTo(200);
        assertThat(inSession.send("DELETE").statusCode()).isLessThan(300);

        HttpResponse<String> refreshed = api.token(
                TokenApi.form("grant_type", "refresh_token", "refresh_token", refreshToken), clientId, clientSecret);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String successor = RegistrationApi.json(refreshed).getString("refresh_token");
        assertThat(api.revoke(TokenApi.form("token", successor), clientId, clientSecret)
                        .statusCode())
                .isEqualTo(200);
        assertThat(McpHttp.to(SERVER.url("/mcp"))
                        .header("Authorization", "Bearer not.a-valid.token")
                        .post(McpHttp.request("ping", "{}"))
                        .status())
                .isEqualTo(401);
        HttpResponse<String> deleted = Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(registered.getString("registration_client_uri")))
                                .header("Authorization", "Bearer " + registrationToken)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        List<JsonObject> flowRecords = awaitRecords("client_id=" + enc(clientId) + "&from=" + start, "client.deleted");
        String flowId = flowRecords.stream()
                .filter(r -> r.getString("type").equals("authorization.started"))
                .findFirst()
                .orElseThrow()
                .getString("flow_id");
        List<String> flow = flowRecords.stream()
                .filter(r -> flowId.equals(r.getString("flow_id", null)))
                .map(r -> r.getString("type"))
                .toList();
        assertThat(flow)
                .as("the OAuth flow's records, in order")
                .containsSubsequence(
                        "login.succeeded",
                        "authorization.started",
                        "consent.shown",
                        "consent.granted",
                        "code.issued",
                        "token.issued",
                        "refresh.rotated",
                        "token.issued",
                        "family.revoked");
        assertThat(flow).as("a forged form's refusal stays out of the flow").doesNotContain("authorization.refused");
        List<String> all = flowRecords.stream().map(r -> r.getString("type")).toList();
        assertThat(all).contains("authorization.refused");
        assertThat(all)
                .as("every step for the client, in order")
                .containsSubsequence(
                        "client.registered",
                        "authorization.started",
                        "token.issued",
                        "mcp.session.opened",
                        "mcp.tools.call",
                        "mcp.tools.call",
                        "mcp.tools.call",
                        "mcp.session.closed",
                        "refresh.rotated",
                        "revocation.requested",
                        "client.deleted");
        assertThat(awaitRecords("type=login.failed&request_id=" + failedLoginRequest, "login.failed"))
                .as("the mistyped password, before the journey's login")
                .hasSize(1);
        JsonObject listPets = record(flowRecords, "mcp.tools.call", "list_pets");
        assertThat(listPets.getString("subject")).isEqualTo("alice");
        assertThat(listPets.getString("outcome")).isEqualTo("ok");
        assertThat(listPets.getJsonNumber("duration_us").longValue()).isNotNegative();
        assertThat(listPets.containsKey("details"))
                .as("list_pets did not opt in to recording its arguments")
                .isFalse();
        assertThat(record(flowRecords, "mcp.tools.call", "add_pet")
                        .getJsonObject("details")
                        .getString("arguments"))
                .contains("Audit Rex");
        JsonObject unknown = record(flowRecords, "mcp.tools.call", "no_such_tool");
        assertThat(unknown.getString("outcome")).isEqualTo("error");
        assertThat(unknown.getInt("error_code")).isEqualTo(-32602);
        assertThat(flowRecords)
                .allSatisfy(r -> assertThat(r.getString("request_id", ""))
                        .as(r.toString())
                        .isNotEmpty());

        String export = get("/oauth/admin/audit/export?from=" + start, ADMIN, ADMIN_PASSWORD)
                .body();
        assertThat(export.lines().count()).isGreaterThanOrEqualTo(flowRecords.size());
        export.lines().forEach(line -> Json.createReader(new StringReader(line)).readObject());
        assertThat(export).as("bearer refused with its reason").contains("\"type\":\"bearer.refused\"");
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("alice's password", "alice-password");
        secrets.put("alice's mistyped password", "alice-passw0rd");
        secrets.put("client secret", clientSecret);
        secrets.put("registration access token", registrationToken);
        secrets.put("authorization code", code);
        secrets.put("PKCE verifier", AuthorizeFixtures.VERIFIER);
        secrets.put("access token", accessToken);
        secrets.put("access token signature", accessToken.substring(accessToken.lastIndexOf('.') + 1));
        secrets.put("refresh token", refreshToken);
        secrets.put("successor refresh token", successor);
        secrets.put("MCP session id", session);
        Thread.sleep(1_000); // Liberty writes its logs asynchronously
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            if (export.contains(secret)) {
                leaks.add(what + " in the audit export");
            }
        });
        List<Path> logs = logFiles();
        assertThat(logs).as("the server's log files").isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            secrets.forEach((what, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in " + SERVER.directory().resolve("logs").relativize(log));
                }
            });
        }
        assertThat(leaks)
                .as("secrets of the journey in the audit trail or the server log")
                .isEmpty();
    }

    /**
     * Every reason of {@code bearer.refused} the shared server can show: the record of each refused request (found by
     * its request id) names why. A token whose payload was changed to claim it expired is {@code signature}: the
     * server's own keys do not verify it, and its claims are the forger's word. (A genuinely expired token and one
     * for another audience: RefusalReasonTest; the audience also in IssuedTokensAtMcpIT against a second resource.)
     */
    @Test
    void bearerRefusedAtMcpWhenTokensAreBadThenEachRecordNamesWhy() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String reader = accessTokenOf("alice", "alice-password", "pets:read");
        String[] parts = reader.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedExpired = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replaceFirst("\"exp\":\\d+", "\"exp\":1000000000")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("pets:read", "pets:read pets:write")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String marker = "bearer-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("no_token", refusedStatus(McpHttp.to(SERVER.url("/mcp")), marker + "no_token"));
        expected.put(
                "token_in_query",
                refusedStatus(
                        McpHttp.to(SERVER.url("/mcp?access_token=" + reader.substring(0, 8)))
                                .header("Authorization", "Bearer " + reader),
                        marker + "token_in_query"));
        expected.put(
                "malformed",
                refusedStatus(
                        McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer not-a-jwt"),
                        marker + "malformed"));
        expected.put(
                "signature",
                refusedStatus(
                        McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer " + tampered),
                        marker + "signature"));
        expected.put(
                "signature ",
                refusedStatus(
                        McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer " + forgedExpired),
                        marker + "forged_expired"));
        McpHttp mcp = McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer " + reader);
        McpHttp.Answer init = mcp.post(McpHttp.request(
                "initialize",
                "{\"protocolVersion\":\"" + McpHttp.LEGACY
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"audit-it\",\"version\":\"1\"}}"));
        assertThat(init.status()).isEqualTo(200);
        McpHttp.Answer stepUp = mcp.header(
                        "Mcp-Session-Id",
                        init.response().headers().firstValue("Mcp-Session-Id").orElseThrow())
                .header("MCP-Protocol-Version", McpHttp.LEGACY)
                .header("X-Request-Id", marker + "insufficient_scope")
                .post(McpHttp.request(
                        "tools/call", "{\"name\":\"add_pet\",\"arguments\":{\"name\":\"Rex\",\"species\":\"dog\"}}"));
        expected.put("insufficient_scope", stepUp.status());

        assertThat(expected)
                .containsEntry("no_token", 401)
                .containsEntry("token_in_query", 400)
                .containsEntry("malformed", 401)
                .containsEntry("signature", 401)
                .containsEntry("signature ", 401)
                .containsEntry("insufficient_scope", 403);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("no_token", "no_token");
        ids.put("token_in_query", "token_in_query");
        ids.put("malformed", "malformed");
        ids.put("signature", "signature");
        ids.put("forged_expired", "signature");
        ids.put("insufficient_scope", "insufficient_scope");
        awaitRecords("type=bearer.refused&request_id=" + marker + "insufficient_scope", "bearer.refused");
        for (Map.Entry<String, String> id : ids.entrySet()) {
            List<JsonObject> records = awaitRecords(
                    "type=bearer.refused&from=" + start + "&request_id=" + marker + id.getKey(), "bearer.refused");
            assertThat(records)
                    .as("bearer.refused of the %s request", id.getKey())
                    .hasSize(1);
            assertThat(records.get(0).getJsonObject("details").getString("reason"))
                    .as("why the %s request was refused", id.getKey())
                    .isEqualTo(id.getValue());
        }
        JsonObject scope = awaitRecords(
                        "type=bearer.refused&request_id=" + marker + "insufficient_scope", "bearer.refused")
                .get(0);
        assertThat(scope.getString("subject")).isEqualTo("alice");
        assertThat(scope.getJsonObject("details").getString("required_scope")).contains("pets:write");
    }

    /**
     * Sessions the server ends itself are recorded too: the subject's least recently used session ends when it
     * opens one more than {@code portcullis.mcp.max-sessions-per-subject} (32), as {@code evicted}. (Idle expiry,
     * after an hour: SessionStoreTest.) The subject is the auditor, whose sessions no other test holds.
     */
    @Test
    void mcpSessionWhenEvictedByTheSubjectsCapThenRecordedClosedWithTheReason() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        McpHttp mcp = McpHttp.to(SERVER.url("/mcp"))
                .header("Authorization", "Bearer " + accessTokenOf(ADMIN, ADMIN_PASSWORD, "pets:read"));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            McpHttp.Answer init = mcp.post(McpHttp.request(
                    "initialize",
                    "{\"protocolVersion\":\"" + McpHttp.LEGACY
                            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"audit-it\",\"version\":\"1\"}}"));
            assertThat(init.status()).isEqualTo(200);
            sessions.add(init.response().headers().firstValue("Mcp-Session-Id").orElseThrow());
        }
        String first = sessionRef(sessions.get(0));
        List<JsonObject> closed = List.of();
        for (int attempt = 0; attempt < 50 && closed.isEmpty(); attempt++) {
            Thread.sleep(200);
            closed = json(get(
                            "/oauth/admin/audit?limit=1000&type=mcp.session.closed&subject=" + ADMIN + "&from=" + start,
                            ADMIN,
                            ADMIN_PASSWORD))
                    .getJsonArray("records")
                    .getValuesAs(JsonValue::asJsonObject)
                    .stream()
                    .filter(r -> first.equals(r.getJsonObject("details").getString("session", null)))
                    .toList();
        }
        assertThat(closed)
                .as("the auditor's first session, evicted by the 33rd")
                .hasSize(1);
        assertThat(closed.get(0).getJsonObject("details").getString("reason")).isEqualTo("evicted");
        assertThat(closed.get(0).getString("client_id", null))
                .as("the client the session was opened by")
                .isNotNull();
        assertThat(McpHttp.to(SERVER.url("/mcp"))
                        .header("Mcp-Session-Id", sessions.get(0))
                        .header("MCP-Protocol-Version", McpHttp.LEGACY)
                        .header("Authorization", "Bearer " + accessTokenOf(ADMIN, ADMIN_PASSWORD, "pets:read"))
                        .post(McpHttp.request("ping", "{}"))
                        .status())
                .isEqualTo(404);
    }

    /** The reference records use for a session: the first 16 hex digits of its id's SHA-256. */
    private static String sessionRef(String sessionId) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    private static int refusedStatus(McpHttp mcp, String requestId) throws Exception {
        return mcp.header("X-Request-Id", requestId)
                .post(McpHttp.request("ping", "{}"))
                .status();
    }

    /** An access token of a realm user for {@code scope}: FORM login, consent, code redeemed by a public client. */
    private String accessTokenOf(String user, String password, String scope) throws Exception {
        return new CodeFlowTokens(api)
                .tokens(CodeFlowTokens.publicClient(), user, password, scope)
                .getString("access_token");
    }

    @Test
    void auditApiWhenNotAnAdministratorThen401Or403() throws Exception {
        HttpResponse<String> anonymous = get("/oauth/admin/audit", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic ");
        assertThat(json(anonymous).getString("error")).isEqualTo("unauthorized");
        assertThat(get("/oauth/admin/audit", ADMIN, "wrong-password").statusCode())
                .isEqualTo(401);
        assertThat(get("/oauth/admin/audit/export", "nobody", "x").statusCode()).isEqualTo(401);
        HttpResponse<String> alice = get("/oauth/admin/audit", "alice", "alice-password");
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(json(alice).getString("error")).isEqualTo("forbidden");
        assertThat(get("/oauth/admin/audit/export", "bob", "bob-password").statusCode())
                .as("mcp-admins is not the audit group")
                .isEqualTo(403);
        assertThat(get("/oauth/admin/audit?limit=1", ADMIN, ADMIN_PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void auditApiWhenFiltersAreBadThen400WithTheReason() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("from=yesterday", "from must be an ISO-8601 instant");
        bad.put("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from must be before to");
        bad.put("type=token.stolen", "type must be one of");
        bad.put("limit=0", "limit must be a whole number");
        bad.put("limit=99999999999", "limit must be a whole number");
        bad.put("cursor=bm90LWEtY3Vyc29y", "cursor is not one this API issued");
        bad.put("cursor=%25%25%25", "cursor is not one this API issued");
        bad.put("colour=red", "unknown parameter colour");
        bad.put("subject=a&subject=b", "subject must be given at most once");
        bad.put("subject=" + "x".repeat(3000), "subject is longer than");
        for (Map.Entry<String, String> filter : bad.entrySet()) {
            for (String path : List.of("/oauth/admin/audit?", "/oauth/admin/audit/export?")) {
                HttpResponse<String> response = get(path + filter.getKey(), ADMIN, ADMIN_PASSWORD);
                assertThat(response.statusCode())
                        .as(path + filter.getKey() + ": " + response.body())
                        .isEqualTo(400);
                assertThat(json(response).getString("error_description")).contains(filter.getValue());
            }
        }
    }

    @Test
    void auditApiWhenPagedThenKeysetCursorWalksEveryRecordOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            McpHttp.to(SERVER.url("/mcp")).post(McpHttp.request("ping", "{}")); // bearer.refused: no token
        }
        awaitRecords("type=bearer.refused", "bearer.refused");
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonObject body = json(get(
                    "/oauth/admin/audit?type=bearer.refused&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    ADMIN,
                    ADMIN_PASSWORD));
            body.getJsonArray("records")
                    .forEach(r -> ids.add(r.asJsonObject().getJsonNumber("id").longValue()));
            assertThat(body.getJsonArray("records").size()).isLessThanOrEqualTo(2);
            if (!body.containsKey("next_cursor")) {
                break;
            }
            cursor = body.getString("next_cursor");
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void requestIdWhenSafeThenEchoedElseReplaced() throws Exception {
        HttpResponse<String> echoed = Https.client()
                .send(
                        HttpRequest.newBuilder(SERVER.url("/oauth/jwks"))
                                .header("X-Request-Id", "operator-trace-0001")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("operator-trace-0001");
        HttpResponse<String> replaced = Https.client()
                .send(
                        HttpRequest.newBuilder(SERVER.url("/mcp"))
                                .header("X-Request-Id", "<script>" + "x".repeat(100))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[A-Za-z0-9_-]{22}");
    }

    /** The records matching {@code query}, once one of type {@code last} is among them (writes are asynchronous). */
    static List<JsonObject> awaitRecords(String query, String last) throws Exception {
        List<JsonObject> records = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = get("/oauth/admin/audit?limit=1000&" + query, ADMIN, ADMIN_PASSWORD);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            records = json(response).getJsonArray("records").getValuesAs(JsonValue::asJsonObject);
            if (records.stream().anyMatch(r -> r.getString("type").equals(last))) {
                return records;
            }
            Thread.sleep(200);
        }
        return records;
    }

    private static JsonObject record(List<JsonObject> records, String type, String target) {
        return records.stream()
                .filter(r -> r.getString("type").equals(type) && target.equals(r.getString("target", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + target + " in " + records));
    }

    static HttpResponse<String> get(String pathAndQuery, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(SERVER.url(pathAndQuery)).GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every file under the server's logs directory: messages, console, trace, access log and FFDC incident files. */
    private static List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SERVER.directory().resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
