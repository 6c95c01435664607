package it.dev.portcullis.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.dev.portcullis.oauth.UserSession;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.SdkClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Liberty servers of the same EAR on one PostgreSQL behind HAProxy (round-robin, no stickiness, HTTPS at the
 * balancer): every request of the official TypeScript SDK client's journey (and of Chromium's, as the user) lands on
 * the other node than the one before, and the journey works; concurrent registrations and racing refreshes spread
 * over both nodes stay correct (database constraints and row locks, no JVM lock); and a node killed with
 * {@code kill -9} in the middle of a flow loses nothing acknowledged.
 * Runs in the default build (about 3 minutes: two more servers, a database and a balancer); skipped where PostgreSQL
 * or HAProxy is not installed, except on CI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final String VERIFIER = "cluster-" + UUID.randomUUID() + "-verifier-of-enough-length";

    private static Cluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        boolean installable = Cluster.installable();
        if (!installable && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "PostgreSQL and HAProxy are missing on a CI machine (.ci/run installs both)");
        }
        assumeTrue(installable, "PostgreSQL and HAProxy are not installed (apt-get install postgresql haproxy)");
        cluster = new Cluster(); // assigned first, so that a start failing half-way is still closed
        cluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The official TypeScript SDK client ({@link SdkClient}, scenario {@code cluster} of src/e2e/client/journey.mjs)
     * through the balancer: discovery, registration, login and consent in Chromium, PKCE, tools in the modern era,
     * the legacy era (each SDK's session served by both nodes, a DELETE on one ending it on the other), refresh once
     * the access token expired, and revocation. Every request the SDK or Chromium
     * sends carries an X-Request-Id starting with the journey's tag (the SDK's numbered, Chromium's one id), so the
     * balancer's log names the node of each, in the order they were answered (the journey sends one at a time).
     */
    @Test
    @Order(1)
    void journeyWhenEveryRequestAlternatesNodesThenTheSdkClientLogsInCallsToolsRefreshesAndRevokes() throws Exception {
        String tag = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> proven = SdkClient.install()
                .run(
                        "cluster",
                        "cluster-journey",
                        cluster.url("/mcp"),
                        Map.of(
                                "E2E_REQUEST_ID",
                                tag,
                                "E2E_NODE_MCP_URL",
                                cluster.nodes().get(0).url("/mcp").toString()),
                        List.of(
                                "discovery",
                                "registration",
                                "authorization",
                                "token",
                                "read",
                                "legacy",
                                "refresh",
                                "legacy-on-one-node",
                                "revoke"));
        JsonObject revoke =
                Json.createReader(new StringReader(proven.get("revoke"))).readObject();
        nodeOf(revoke.getString("lastRequest")); // waits until the balancer logged the journey's last request

        List<String[]> served = inOrderSent(cluster.balancer().requests(tag + "-"), tag + "-sdk-");
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i)[0])
                    .as(
                            "node of request %s (%s %s) after %s",
                            served.get(i)[4], served.get(i)[2], served.get(i)[3], served.get(i - 1)[0])
                    .isNotEqualTo(served.get(i - 1)[0]);
        }
        Map<String, Set<String>> pathsByNode = new TreeMap<>();
        for (String[] request : served) {
            String path = request[3].startsWith("/.well-known/") ? "/.well-known/*" : request[3];
            pathsByNode.computeIfAbsent(request[0], node -> new TreeSet<>()).add(path);
        }
        System.out.printf(
                "ClusterIT: the SDK journey's %d requests through the balancer, paths by node: %s%n",
                served.size(), pathsByNode);
        assertThat(served.stream().filter(r -> r[4].equals(tag + "-browser")).map(r -> r[3]))
                .as("Chromium's requests")
                .contains("/oauth/authorize", "/oauth/login", "/oauth/j_security_check");
        for (ClusterNode node : cluster.nodes()) {
            assertThat(pathsByNode.get(node.name()))
                    .as("what %s served of the journey", node.name())
                    .contains("/mcp")
                    .anyMatch(path -> path.startsWith("/oauth/"));
        }
        assertAccessLogsAgree(served, tag);

        // The legacy era through the balancer: each SDK's session served by both nodes, and ended on both by a DELETE.
        List<JsonObject> legacy = Json.createReader(new StringReader(proven.get("legacy")))
                .readArray()
                .getValuesAs(JsonObject.class);
        assertThat(legacy).hasSize(2);
        for (JsonObject session : legacy) {
            Set<String> nodes = new TreeSet<>();
            nodes.add(nodeOf(session.getString("initialize")));
            for (jakarta.json.JsonString request :
                    session.getJsonArray("requests").getValuesAs(jakarta.json.JsonString.class)) {
                String[] fields = request.getString().split(" ");
                nodes.add(nodeOf(fields[fields.length - 1]));
            }
            assertThat(nodes)
                    .as("the nodes that served the legacy session of %s", session)
                    .containsExactlyInAnyOrder("portcullis-node-a", "portcullis-node-b");
            assertThat(nodeOf(session.getString("rejected")))
                    .as("the node that answered 404 after the other one's DELETE, %s", session)
                    .isNotEqualTo(nodeOf(session.getString("deleted")));
        }
        // The revoked family's access token was refused by both nodes (within its lifetime, the scenario checked).
        assertThat(revoke.getJsonArray("refusedAccessToken").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(id -> nodeOfUnchecked(id.getString()))
                        .distinct())
                .as("the nodes that refused the revoked access token")
                .containsExactlyInAnyOrder("portcullis-node-a", "portcullis-node-b");
    }

    /**
     * Each node's access log agrees with the balancer's log: it has exactly the journey's requests the balancer sent
     * it (method, path, status, X-Request-Id). The access log records the X-Request-Id the server answered with (the
     * client's own), which the container's FORM login challenge, the 302 of the first {@code /oauth/authorize},
     * answers before the application's filter, without one ({@code -}): that request is matched by its line only.
     */
    private static void assertAccessLogsAgree(List<String[]> served, String tag) throws Exception {
        // A legacy GET stream is logged when it ends: once the node sees its client gone (keep-alive 1 s here).
        for (int attempt = 0; ; attempt++) {
            try {
                accessLogsAgree(served, tag);
                return;
            } catch (AssertionError notYet) {
                if (attempt >= 30) {
                    throw notYet;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static void accessLogsAgree(List<String[]> served, String tag) throws Exception {
        String challenge = "GET /oauth/authorize 302";
        for (ClusterNode node : cluster.nodes()) {
            List<String> lines = Files.readAllLines(node.accessLog());
            List<String> logged = new ArrayList<>();
            for (String line : lines) {
                String[] fields = line.split(" ");
                if (fields.length >= 7 && fields[6].startsWith(tag + "-")) {
                    logged.add(fields[1] + " " + fields[2] + " " + fields[3] + " " + fields[6]);
                }
            }
            List<String[]> sent =
                    served.stream().filter(r -> r[0].equals(node.name())).toList();
            List<String> expected = sent.stream()
                    .map(r -> r[2] + " " + r[3] + " " + r[1] + " " + r[4])
                    .filter(r -> !r.startsWith(challenge))
                    .toList();
            assertThat(logged)
                    .as("the journey's requests in %s's access log", node.name())
                    .containsExactlyInAnyOrderElementsOf(expected);
            if (sent.stream().anyMatch(r -> (r[2] + " " + r[3] + " " + r[1]).equals(challenge))) {
                assertThat(lines)
                        .as("%s's access log", node.name())
                        .anyMatch(line -> line.contains(" " + challenge + " ") && line.endsWith(" -"));
            }
        }
    }

    /**
     * The balancer's log lines in the order the requests were sent: the log has them in the order answered, which is
     * the order sent (the journey sends one at a time) except for a legacy GET stream, answered when it ends. The SDK's
     * requests are numbered in the order sent, so they take the log's places of the SDK's requests in their number's
     * order; Chromium's keep their places (none is sent while a stream is open).
     */
    private static List<String[]> inOrderSent(List<String[]> logged, String sdkPrefix) {
        List<String[]> sdk = logged.stream()
                .filter(r -> r[4].startsWith(sdkPrefix))
                .sorted(java.util.Comparator.comparing(r -> r[4]))
                .toList();
        List<String[]> ordered = new ArrayList<>();
        int next = 0;
        for (String[] request : logged) {
            ordered.add(request[4].startsWith(sdkPrefix) ? sdk.get(next++) : request);
        }
        return ordered;
    }

    private static String nodeOfUnchecked(String requestId) {
        try {
            return nodeOf(requestId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** EclipseLink picked its PostgreSQL platform: the installation query's setMaxResults(1) became a LIMIT. */
    @Test
    @Order(2)
    void persistenceWhenOnPostgresqlThenEclipseLinkUsesItsPostgresqlPlatform() throws Exception {
        String log = Files.readString(cluster.database().log());

        assertThat(log).containsPattern("(?i)SELECT .* FROM INSTALLATION .*LIMIT");
    }

    @Test
    @Order(3)
    void registrationWhen500ConcurrentThenEveryClientIsDistinctAndKnownToBothNodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return new Browser(cluster.url("/"), "dcr-" + n)
                            .postJson("/oauth/register", registration("DCR " + n), Map.of());
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            Set<String> clientIds = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(300, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                clientIds.add(json(response).getString("client_id"));
            }
            System.out.printf(
                    "ClusterIT: 500 concurrent registrations in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(clientIds).hasSize(500);
            assertThat(cluster.balancer().requests("dcr-").stream()
                            .map(r -> r[0])
                            .distinct())
                    .hasSize(2);

            List<Callable<Void>> checks = new ArrayList<>();
            for (String clientId : clientIds) {
                for (ClusterNode node : cluster.nodes()) {
                    checks.add(() -> {
                        assertKnownClient(node.url("/oauth/token"), clientId);
                        return null;
                    });
                }
            }
            for (Future<Void> check : pool.invokeAll(checks)) {
                check.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void refreshWhen32RaceOnBothNodesThenOneSuccessorAndAReplayRevokesTheFamilyEverywhere() throws Exception {
        Browser browser = new Browser(
                cluster.url("/"), "race-" + UUID.randomUUID().toString().substring(0, 8));
        String clientId = register(browser);
        JsonObject tokens = codeFlow(browser, clientId, null);
        String original = tokens.getString("refresh_token");

        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return new Browser(cluster.url("/"), "race-refresh-" + n)
                            .postForm(
                                    "/oauth/token",
                                    Map.of(
                                            "grant_type",
                                            "refresh_token",
                                            "client_id",
                                            clientId,
                                            "refresh_token",
                                            original));
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> successors = new HashSet<>();
        List<String> accessTokens = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode())
                    .as("a refresh within the reuse grace: %s", answer.body())
                    .isIn(200, 400);
            if (answer.statusCode() == 200) {
                successors.add(json(answer).getString("refresh_token"));
                accessTokens.add(json(answer).getString("access_token"));
            } else {
                assertThat(json(answer).getString("error")).isEqualTo("invalid_grant");
            }
        }
        assertThat(successors)
                .as("successors of one refresh token raced by 32 requests on both nodes")
                .hasSize(1);
        assertThat(cluster.balancer().requests("race-refresh-").stream()
                        .map(r -> r[0])
                        .distinct())
                .hasSize(2);

        Thread.sleep(4_500); // past the test servers' reuse grace (PT4S): a reuse now is a replay
        HttpResponse<String> replay = browser.postForm(
                "/oauth/token",
                Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", original));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(400);
        assertThat(json(replay).getString("error")).isEqualTo("invalid_grant");
        String successor = successors.iterator().next();
        for (ClusterNode node : cluster.nodes()) {
            HttpResponse<String> after = post(
                    node.url("/oauth/token"),
                    Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", successor));
            assertThat(after.statusCode())
                    .as("the successor on %s after the replay: %s", node.name(), after.body())
                    .isEqualTo(400);
            awaitStatus(node.url("/mcp"), accessTokens.get(0), 401);
        }
        String claims =
                new String(Base64.getUrlDecoder().decode(accessTokens.get(0).split("\\.")[1]), StandardCharsets.UTF_8);
        long expires = Json.createReader(new StringReader(claims))
                .readObject()
                .getJsonNumber("exp")
                .longValue();
        System.out.printf(
                "ClusterIT: the raced access token's 401s came %d s before its expiry%n",
                expires - System.currentTimeMillis() / 1000);
        assertThat(System.currentTimeMillis() / 1000)
                .as(
                        "now, before the raced access token's exp: its 401s were the"
                                + " revocation's, not its expiry's (the nodes' tokens live %s)",
                        Cluster.ACCESS_TOKEN_LIFETIME)
                .isLessThan(expires);
    }

    /**
     * The demo's task-capable {@code pet_census} as a task (2026-07-28, tasks extension) through the balancer: the
     * task created on one node is read with {@code tasks/get} on the other, answered there with {@code tasks/update}
     * (whose node runs the work again from the stored call) and ends {@code completed}, seen by both nodes.
     */
    @Test
    @Order(5)
    void tasksWhenGetAndUpdateReachTheOtherNodeThenTheTaskIsKnownThereAndCompletes() throws Exception {
        Browser browser = new Browser(
                cluster.url("/"), "tasks-" + UUID.randomUUID().toString().substring(0, 8));
        String bearer = codeFlow(browser, register(browser), null).getString("access_token");

        String createdBy = browser.nextId();
        McpHttp.Answer created = taskRequest(
                bearer,
                createdBy,
                "tools/call",
                "pet_census",
                "{\"name\":\"pet_census\",\"arguments\":{\"species\":\"dog\"}}");
        assertThat(created.status()).as(created.response().body()).isEqualTo(200);
        assertThat(created.result().getString("resultType"))
                .as(created.response().body())
                .isEqualTo("task");
        String taskId = created.result().getString("taskId");
        String creatingNode = nodeOf(createdBy);

        JsonObject waiting = awaitTaskStatus(browser, bearer, taskId, "input_required");
        assertThat(waiting.getJsonObject("inputRequests").keySet()).containsExactly("status");
        if (!nodeOf(browser.lastId()).equals(creatingNode)) {
            taskGet(browser, bearer, taskId); // round-robin: this one on the creating node, the update on the other
        }
        String updatedBy = browser.nextId();
        McpHttp.Answer updated = taskRequest(
                bearer,
                updatedBy,
                "tasks/update",
                taskId,
                "{\"taskId\":\"" + taskId
                        + "\",\"inputResponses\":{\"status\":{\"action\":\"accept\",\"content\":{\"status\":\"AVAILABLE\"}}}}");
        assertThat(updated.status()).as(updated.response().body()).isEqualTo(200);
        assertThat(updated.body()).as("tasks/update on the other node").doesNotContainKey("error");
        assertThat(nodeOf(updatedBy)).as("the node of tasks/update").isNotEqualTo(creatingNode);

        JsonObject completed = awaitTaskStatus(browser, bearer, taskId, "completed");
        assertThat(completed.getJsonObject("result").toString()).contains("available dog in the store");
        JsonObject onTheNextNode = taskGet(browser, bearer, taskId);
        assertThat(onTheNextNode.getString("status")).isEqualTo("completed");
        List<String[]> served = cluster.balancer().requests(browser.tag());
        assertThat(served.stream()
                        .filter(r -> r[3].startsWith("/mcp"))
                        .map(r -> r[0])
                        .distinct())
                .as("the task requests' nodes")
                .containsExactlyInAnyOrder("portcullis-node-a", "portcullis-node-b");
    }

    private static JsonObject awaitTaskStatus(Browser browser, String bearer, String taskId, String status)
            throws Exception {
        JsonObject task = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            task = taskGet(browser, bearer, taskId);
            if (status.equals(task.getString("status"))) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + taskId + " never became " + status + ", last: " + task);
    }

    /** {@code tasks/get} through the balancer: each one on the other node than the request before. */
    private static JsonObject taskGet(Browser browser, String bearer, String taskId) throws Exception {
        String id = browser.nextId();
        McpHttp.Answer answer = taskRequest(bearer, id, "tasks/get", taskId, "{\"taskId\":\"" + taskId + "\"}");
        assertThat(answer.body())
                .as("tasks/get %s on %s (the task was created through the balancer)", id, nodeOf(id))
                .doesNotContainKey("error");
        return answer.result();
    }

    /** A modern request whose client capabilities carry elicitation and the tasks extension. */
    private static McpHttp.Answer taskRequest(
            String bearer, String requestId, String method, String name, String params) throws Exception {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + McpHttp.MODERN + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{},"
                + "\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";
        return McpHttp.to(cluster.url("/mcp"))
                .header("Authorization", "Bearer " + bearer)
                .header("X-Request-Id", requestId)
                .header("MCP-Protocol-Version", McpHttp.MODERN)
                .header("Mcp-Method", method)
                .header("Mcp-Name", name)
                .post(McpHttp.request(method, params.replaceFirst("^\\{", "{" + meta + ",")));
    }

    /** The node that served the request {@code requestId}, from the balancer's log (written when it answered). */
    private static String nodeOf(String requestId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (String[] request : cluster.balancer().requests(requestId)) {
                if (request[4].equals(requestId)) {
                    return request[0];
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the balancer's log has no request " + requestId);
    }

    /**
     * Not a check: the token endpoint ({@code client_credentials}) and an authenticated modern {@code tools/call}
     * through the balancer, with two nodes and then with one (the other taken out of the rotation on HAProxy's admin
     * socket), 16 clients each, and the CPU each process used meanwhile (src/docs/benchmarks.md, "Scale-out"). Only
     * with {@code -Dportcullis.benchmark=true}, like the other benchmarks.
     */
    @Test
    @Order(6)
    @EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
    void benchmarkWhenOneNodeAndTwoNodesThenPrintsThroughputAndCpu() throws Exception {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                "it-service:it-service-secret-basic-0123456789".getBytes(StandardCharsets.UTF_8));
        Callable<Integer> token = () -> Https.client()
                .send(
                        HttpRequest.newBuilder(cluster.url("/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", basic)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&scope=pets%3Aread"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        // The nodes' access tokens live seconds (Cluster.ACCESS_TOKEN_LIFETIME), the measurement minutes: a token at
        // most half that old.
        AtomicReference<String> bearer = new AtomicReference<>();
        AtomicLong bearerIssued = new AtomicLong();
        Callable<String> freshBearer = () -> {
            synchronized (bearer) {
                long age = System.nanoTime() - bearerIssued.get();
                if (bearer.get() == null || age > Cluster.ACCESS_TOKEN_LIFETIME.toNanos() / 2) {
                    long asked = System.nanoTime();
                    HttpResponse<String> issued = post(
                            cluster.url("/oauth/token"),
                            Map.of("grant_type", "client_credentials", "scope", "pets:read"),
                            basic);
                    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
                    bearer.set(json(issued).getString("access_token"));
                    bearerIssued.set(asked);
                }
                return bearer.get();
            }
        };
        Callable<Integer> call = () -> McpHttp.to(cluster.url("/mcp"))
                .header("Authorization", "Bearer " + freshBearer.call())
                .modern("tools/call", "list_pets", "{\"name\":\"list_pets\",\"arguments\":{}}")
                .status();
        assertThat(call.call()).isEqualTo(200);

        StringBuilder table =
                new StringBuilder("| nodes | request | requests/s | CPU s per s: node a, node b, PostgreSQL, HAProxy,"
                        + " test client | whole machine busy (of 2 cores) |\n");
        for (int nodes : new int[] {2, 1, 2}) {
            cluster.balancer().server(nodes == 1 ? "disable" : "enable", "portcullis-node-a");
            Thread.sleep(1_500); // an enabled node passes its health check again first
            table.append(measure(nodes, "token (client_credentials)", token));
            table.append(measure(nodes, "tools/call (bearer, modern)", call));
        }
        System.out.println("ClusterIT benchmark (16 clients, 8 s each after 8 s warm-up):\n" + table);
        Thread.sleep(2_000); // the health check puts node a back into the rotation
    }

    private static String measure(int nodes, String name, Callable<Integer> request) throws Exception {
        run(request, 8_000);
        List<ProcessHandle> processes = new ArrayList<>();
        for (ClusterNode node : cluster.nodes()) {
            processes.add(node.process());
        }
        double[] before = cpu(processes);
        long[] machineBefore = machineTicks();
        long started = System.nanoTime();
        long done = run(request, 8_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] after = cpu(processes);
        long[] machineAfter = machineTicks();
        double busy = (double) (machineAfter[0] - machineBefore[0])
                / Math.max(1, machineAfter[1] - machineBefore[1])
                * Runtime.getRuntime().availableProcessors();
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < before.length; i++) {
            cpu.append(i == 0 ? "" : ", ").append(String.format("%.2f", (after[i] - before[i]) / seconds));
        }
        return String.format("| %d | %s | %.0f | %s | %.2f |%n", nodes, name, done / seconds, cpu, busy);
    }

    /** Busy and total jiffies of the whole machine (/proc/stat): how much of the CPU anything used. */
    private static long[] machineTicks() throws Exception {
        String[] fields = Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                .get(0)
                .trim()
                .split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /** CPU seconds so far: each node, PostgreSQL (all its processes), HAProxy, this JVM. */
    private static double[] cpu(List<ProcessHandle> nodes) throws Exception {
        double postgres = cluster.database()
                .processes()
                .mapToDouble(ClusterIT::cpuSeconds)
                .sum();
        return new double[] {
            cpuSeconds(nodes.get(0)),
            cpuSeconds(nodes.get(1)),
            postgres,
            cpuSeconds(cluster.balancer().process()),
            cpuSeconds(ProcessHandle.current())
        };
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** 16 clients sending {@code request} in a loop for {@code millis}; the number of 200 answers. */
    private static long run(Callable<Integer> request, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            long end = System.currentTimeMillis() + millis;
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                counts.add(pool.submit(() -> {
                    long ok = 0;
                    while (System.currentTimeMillis() < end) {
                        if (request.call() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(7)
    void killWhenANodeDiesAfterTheLoginAndUnderLoadThenTheFlowFinishesAndNothingAcknowledgedIsLost() throws Exception {
        Browser browser = new Browser(
                cluster.url("/"), "kill-" + UUID.randomUUID().toString().substring(0, 8));
        String clientId = register(browser);
        Map<String, String> consentForm = loginUntilConsent(browser, clientId);

        ExecutorService load = Executors.newFixedThreadPool(8);
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            load.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<String> response = new Browser(cluster.url("/"), "load-" + thread + "-" + n)
                                .postJson("/oauth/register", registration("load " + thread + " " + n), Map.of());
                        if (response.statusCode() == 201) {
                            acknowledged.put(json(response).getString("client_id"), true);
                        }
                    } catch (Exception lostInFlight) {
                        // a request on the killed node: never acknowledged, so nothing to find later
                    }
                }
                return null;
            });
        }
        Thread.sleep(1_000);
        cluster.nodes().get(0).kill();
        Thread.sleep(1_000);

        HttpResponse<String> approved = browser.postForm("/oauth/authorize", consentForm);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(approved.body()).doesNotContainIgnoringCase("unknown");
        HttpResponse<String> token = redeem(
                browser, clientId, UserSession.redirectParameters(approved).get("code"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);

        Thread.sleep(1_000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged)
                .as("registrations acknowledged while a node died")
                .isNotEmpty();
        ClusterNode survivor = cluster.nodes().get(1);
        for (String acknowledgedClient : acknowledged.keySet()) {
            assertKnownClient(survivor.url("/oauth/token"), acknowledgedClient);
        }
        McpHttp.Answer tools = McpHttp.to(cluster.url("/mcp"))
                .header("Authorization", "Bearer " + json(token).getString("access_token"))
                .modern("tools/list", null, "{}");
        assertThat(tools.status()).isEqualTo(200);
    }

    // ---- the OAuth steps, each request through the balancer

    private static String register(Browser browser) throws Exception {
        HttpResponse<String> response = browser.postJson("/oauth/register", registration("Cluster journey"), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("client_id");
    }

    private static String registration(String name) {
        return Json.createObjectBuilder()
                .add("client_name", name)
                .add("token_endpoint_auth_method", "none")
                .add(
                        "grant_types",
                        Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("redirect_uris", Json.createArrayBuilder().add(REDIRECT))
                .build()
                .toString();
    }

    /** authorize, the login page, j_security_check, authorize again: the consent form's fields, approved. */
    private static Map<String, String> loginUntilConsent(Browser browser, String clientId) throws Exception {
        HttpResponse<String> challenge = browser.get("/oauth/authorize?" + Browser.form(authorizeRequest(clientId)));
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(302);
        HttpResponse<String> loginPage = browser.follow(challenge);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> login = browser.postForm(
                "/oauth/j_security_check", Map.of("j_username", "alice", "j_password", "alice-password"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        HttpResponse<String> consent = browser.follow(login);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(UserSession.hiddenFields(consent.body()));
        assertThat(form).containsKey("csrf_token");
        form.put("decision", "approve");
        return form;
    }

    private static JsonObject codeFlow(Browser browser, String clientId, Object unused) throws Exception {
        Map<String, String> form = loginUntilConsent(browser, clientId);
        HttpResponse<String> approved = browser.postForm("/oauth/authorize", form);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        HttpResponse<String> token = redeem(
                browser, clientId, UserSession.redirectParameters(approved).get("code"));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token);
    }

    private static HttpResponse<String> redeem(Browser browser, String clientId, String code) throws Exception {
        return browser.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        code,
                        "code_verifier",
                        VERIFIER,
                        "redirect_uri",
                        REDIRECT,
                        "resource",
                        cluster.url("/mcp").toString()));
    }

    private static Map<String, String> authorizeRequest(String clientId) throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", REDIRECT);
        request.put(
                "code_challenge",
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
        request.put("code_challenge_method", "S256");
        request.put("scope", "pets:read");
        request.put("resource", cluster.url("/mcp").toString());
        request.put("state", "state-" + UUID.randomUUID());
        return request;
    }

    /** A known client gets invalid_grant for a made-up code; an unknown one would get 401 invalid_client. */
    private static void assertKnownClient(URI tokenEndpoint, String clientId) throws Exception {
        HttpResponse<String> response = post(
                tokenEndpoint,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        "made-up-code",
                        "code_verifier",
                        VERIFIER,
                        "redirect_uri",
                        REDIRECT));
        assertThat(response.statusCode())
                .as("client %s at %s: %s", clientId, tokenEndpoint, response.body())
                .isEqualTo(400);
        assertThat(json(response).getString("error")).isEqualTo("invalid_grant");
    }

    private static HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, Map<String, String> form, String authorization) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(URI mcp, String accessToken, int expected) throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 40 && status != expected; attempt++) {
            status = McpHttp.to(mcp)
                    .header("Authorization", "Bearer " + accessToken)
                    .modern("tools/list", null, "{}")
                    .status();
            if (status != expected) {
                Thread.sleep(250);
            }
        }
        assertThat(status).as("%s with the access token", mcp).isEqualTo(expected);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
