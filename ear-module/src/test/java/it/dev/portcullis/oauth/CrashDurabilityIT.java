package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL under full load loses nothing that was acknowledged. {@code it.crash.clients} (16) threads each own one
 * refresh-token family and, as fast as the server answers, rotate it and register a new client (DCR) every fifth
 * round; after {@code it.crash.seconds} (10) the server's JVM is killed mid-flight and started again. Then every
 * registration answered 201 still reads with its registration access token (RFC 7592 section 2.1), the last
 * refresh token answered 200 in each family still rotates, and the one before it is dead: no family has two live
 * tokens. A rotation in flight at the kill has no acknowledged outcome: its token may rotate once more (the kill
 * came before the commit) or be refused as reused (after it), never anything else.
 *
 * <p>The benchmark-style long run: {@code -Dit.test=CrashDurabilityIT -Dit.crash.seconds=60} (src/docs/benchmarks.md).
 */
class CrashDurabilityIT {

    private static final int CLIENTS = Integer.getInteger("it.crash.clients", 16);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("it.crash.seconds", 10));

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi tokens = new TokenApi(server);
    private final RegistrationApi registrations = new RegistrationApi(server);
    private final CodeFlowTokens flow = new CodeFlowTokens(tokens);

    /** A registration the server answered 201: the client's id and its registration access token. */
    private record Registration(String clientId, String accessToken) {}

    /** One thread's family: the refresh tokens it got 200 for, in order, and the one in flight at the kill. */
    private static final class Family {
        final String clientId;
        final List<String> acknowledged = new ArrayList<>();
        volatile String inFlight;
        volatile String unexpected;

        Family(String clientId, String first) {
            this.clientId = clientId;
            acknowledged.add(first);
        }

        String last() {
            return acknowledged.get(acknowledged.size() - 1);
        }
    }

    @Test
    void serverWhenKilledUnderRegistrationAndRefreshLoadThenEveryAcknowledgedResultSurvives() throws Exception {
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String client = CodeFlowTokens.publicClient();
            families.add(new Family(client, flow.tokens(client).getString("refresh_token")));
        }
        List<Registration> registered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean crashed = new AtomicBoolean();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        Instant start = Instant.now();
        for (Family family : families) {
            workers.add(pool.submit(() -> load(family, registered, crashed)));
        }
        Thread.sleep(LOAD.toMillis());
        server.crash();
        crashed.set(true);
        Duration loaded = Duration.between(start, Instant.now());
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Instant restart = Instant.now();
        server.start();
        Duration restartTime = Duration.between(restart, Instant.now());

        int rotations =
                families.stream().mapToInt(f -> f.acknowledged.size() - 1).sum();
        long inFlight = families.stream().filter(f -> f.inFlight != null).count();
        System.out.printf(
                "CrashDurabilityIT: %d clients, %d s of load: %d acknowledged registrations, %d acknowledged"
                        + " rotations (%.1f/s), %d rotations in flight at the kill, restart to ready %d s%n",
                CLIENTS,
                loaded.toSeconds(),
                registered.size(),
                rotations,
                rotations / (loaded.toMillis() / 1000.0),
                inFlight,
                restartTime.toSeconds());
        assertThat(families)
                .as("answers other than 200/201 under load")
                .allSatisfy(f -> assertThat(f.unexpected).isNull());
        assertThat(rotations).as("rotations under load").isGreaterThan(CLIENTS);
        assertThat(registered).as("registrations under load").isNotEmpty();

        List<String> lost = new ArrayList<>();
        synchronized (registered) {
            for (Registration registration : registered) {
                HttpResponse<String> read = registrations.read(registration.clientId(), registration.accessToken());
                if (read.statusCode() != 200) {
                    lost.add("registration " + registration.clientId() + ": " + read.statusCode() + " " + read.body());
                }
            }
        }
        for (Family family : families) {
            lost.addAll(check(family));
        }
        assertThat(lost).as("acknowledged results lost or doubled by the kill").isEmpty();
    }

    /** Rotates and registers until the server dies; an answer that is neither 200/201 nor a dead connection is kept. */
    private void load(Family family, List<Registration> registered, AtomicBoolean crashed) {
        int round = 0;
        while (!crashed.get()) {
            try {
                if (++round % 5 == 0) {
                    HttpResponse<String> response =
                            registrations.register("{\"client_name\":\"" + RegistrationApi.uniqueName("crash")
                                    + "\",\"redirect_uris\":[\"https://app.example/cb\"]}");
                    if (response.statusCode() != 201) {
                        family.unexpected = "register: " + response.statusCode() + " " + response.body();
                        return;
                    }
                    JsonObject client = RegistrationApi.json(response);
                    registered.add(new Registration(
                            client.getString("client_id"), client.getString("registration_access_token")));
                } else {
                    family.inFlight = family.last();
                    HttpResponse<String> response = flow.refresh(family.clientId, family.inFlight);
                    if (response.statusCode() != 200) {
                        family.unexpected = "refresh: " + response.statusCode() + " " + response.body();
                        return;
                    }
                    family.acknowledged.add(RegistrationApi.json(response).getString("refresh_token"));
                    family.inFlight = null;
                }
            } catch (Exception connectionLost) {
                return; // the kill; a rotation in flight stays recorded in family.inFlight
            }
        }
    }

    /** The family's last acknowledged token rotates, and its predecessor is refused. */
    private List<String> check(Family family) throws Exception {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> last = flow.refresh(family.clientId, family.last());
        if (family.inFlight == null && last.statusCode() != 200) {
            problems.add("family of " + family.clientId + ": last acknowledged refresh token refused: "
                    + last.statusCode() + " " + last.body());
        }
        if (family.inFlight != null
                && last.statusCode() != 200
                && !(last.statusCode() == 400 && last.body().contains("invalid_grant"))) {
            problems.add("family of " + family.clientId + ": token in flight at the kill: " + last.statusCode() + " "
                    + last.body());
        }
        if (family.acknowledged.size() > 1) {
            String previous = family.acknowledged.get(family.acknowledged.size() - 2);
            HttpResponse<String> old = flow.refresh(family.clientId, previous);
            if (old.statusCode() != 400 || !old.body().contains("invalid_grant")) {
                problems.add(
                        "family of " + family.clientId + ": two live refresh tokens, the one before the last answered "
                                + old.statusCode() + " " + old.body());
            }
        }
        return problems;
    }
}
