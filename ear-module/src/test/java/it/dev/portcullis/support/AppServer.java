package it.dev.portcullis.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The application server under test, whichever it is: the system property {@code it.server} names it
 * ({@code liberty}, the default, {@code payara} or {@code wildfly}). Tests reach it over HTTPS at {@link #baseUrl()},
 * trust only the certificate in its {@link #keystore()}, and stop, crash and start it through this interface, so
 * one suite runs unchanged on every server.
 *
 * <p>Liberty is created, started and stopped by the build (liberty-maven-plugin); the other servers are set up by
 * the tests themselves ({@link ServerUnderTest}), from the configuration in {@code src/servers/<server>/}.
 */
public interface AppServer {

    Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** The server the failsafe execution is for ({@code it.server}). */
    static AppServer current() {
        String server = System.getProperty("it.server", "liberty");
        return switch (server) {
            case "liberty" -> LibertyServer.current();
            case "payara" -> PayaraServer.current();
            case "wildfly" -> WildFlyServer.current();
            default -> throw new IllegalStateException("it.server=" + server + " is not a server this harness knows");
        };
    }

    /** {@code liberty}, {@code payara}, {@code wildfly}. */
    String name();

    /** The HTTPS origin of the application, e.g. {@code https://localhost:9443}. */
    URI baseUrl();

    default URI url(String path) {
        return baseUrl().resolve(path);
    }

    /** The plain-HTTP port (it only redirects to HTTPS and serves /health). */
    int httpPort();

    /** The PKCS #12 keystore whose one key entry is the server's TLS key and certificate. */
    Path keystore();

    char[] keystorePassword();

    /** The server's own log file, where tests look for what it wrote (and must not have written). */
    Path log();

    /**
     * Whether the build itself creates, starts and stops this server around the tests; if not,
     * {@link ServerUnderTest} calls {@link #install(Path)} and {@link #start()} before the first test and
     * {@link #stop()} after the last.
     */
    boolean managedByBuild();

    /** Creates the server from {@code src/servers/<server>/} and deploys {@code ear}; it is left stopped. */
    void install(Path ear);

    /** Starts the (stopped or crashed) server and waits until it is ready. */
    void start();

    /** Stops the server gracefully. */
    void stop();

    /** Kills the server's JVM with SIGKILL, as a power cut would, and waits until it is gone. */
    void crash() throws Exception;

    /**
     * Makes the realm of the running server's FORM login {@code realm}: {@code file} (the demo users) or {@code ldap}
     * with {@code settings} {@code LDAP_URL}, {@code LDAP_BASE_DN}, {@code LDAP_BIND_DN}, {@code LDAP_BIND_PASSWORD}.
     * Liberty's realms are tested on servers of their own (ear-module's LdapRealmIT), so it does not offer this.
     */
    default void useRealm(String realm, java.util.Map<String, String> settings) {
        throw new UnsupportedOperationException(name() + " does not switch realms while running");
    }

    /** A graceful stop, then a start, then waits until the application is ready. */
    default void restart() {
        stop();
        start();
    }

    /** {@link #crash()}, then {@link #start()}. */
    default void crashAndStart() throws Exception {
        crash();
        start();
    }

    /**
     * Polls /health/ready until it answers 200, and the authorization server's metadata until the application answers
     * it: Payara's health endpoint is UP before the application has started (no checks registered yet).
     */
    default void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (String path : new String[] {"/health/ready", "/.well-known/oauth-authorization-server"}) {
            HttpRequest ready = HttpRequest.newBuilder(url(path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            while (!answers200(ready)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            name() + " was not ready within " + READY_TIMEOUT + " (" + path + ")");
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static boolean answers200(HttpRequest request) {
        try {
            return Https.client()
                            .send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false; // the listener is not up yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A failsafe system property the server needs, with a message that says how to set it. */
    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set; run the tests with ./mvnw verify");
        }
        return value;
    }
}
