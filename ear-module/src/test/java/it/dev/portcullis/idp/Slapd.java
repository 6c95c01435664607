package it.dev.portcullis.idp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenLDAP directory (Debian's {@code slapd}) on 127.0.0.1, run as the current user from a generated
 * {@code slapd.conf}, seeded offline with {@code slapadd} from {@code src/it-idp/ldap/directory.ldif}. The password
 * policy overlay is loaded so that a locked account is locked the way directories lock it. Stopped on
 * {@link #close()} and, should a test run be cut short, by a shutdown hook.
 */
public final class Slapd implements AutoCloseable {

    public static final String SUFFIX = "dc=portcullis,dc=test";
    public static final String BIND_DN = "cn=portcullis,ou=services," + SUFFIX;
    /** The bind password in directory.ldif: public, like every test password. */
    public static final String BIND_PASSWORD = "portcullis-bind-password";

    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Process process;
    private final Thread hook;

    private Slapd(int port, Process process) {
        this.port = port;
        this.process = process;
        this.hook = new Thread(process::destroy, "stop slapd");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Seeds a fresh database from the LDIF, starts slapd on {@code port} and waits until it accepts connections. */
    public static Slapd start(int port) throws Exception {
        boolean installed = Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must have slapd (.ci/run installs it)");
        }
        Assumptions.assumeTrue(installed, "slapd is not installed (apt-get install slapd)");
        Path work = IdpFiles.workDirectory("slapd");
        Path database = Files.createDirectories(work.resolve("db"));
        Path config = work.resolve("slapd.conf");
        Files.writeString(config, config(work, database));
        run(
                List.of(
                        SLAPADD.toString(),
                        "-q",
                        "-f",
                        config.toString(),
                        "-l",
                        IdpFiles.ldif().toString()),
                work);
        Process process = new ProcessBuilder(
                        SLAPD.toString(), "-d", "0", "-h", "ldap://127.0.0.1:" + port + "/", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("slapd.log").toFile())
                .start();
        Slapd slapd = new Slapd(port, process);
        slapd.awaitListening(work);
        return slapd;
    }

    public int port() {
        return port;
    }

    private static String config(Path work, Path database) {
        // rootpw is random and unused by the tests: only slapadd (offline) writes; Liberty binds as BIND_DN.
        return String.join(
                "\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "moduleload ppolicy",
                "pidfile " + work.resolve("slapd.pid"),
                "database mdb",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"cn=admin," + SUFFIX + "\"",
                "rootpw " + UUID.randomUUID(),
                "directory " + database,
                "overlay ppolicy",
                "ppolicy_default \"cn=default,ou=policies," + SUFFIX + "\"",
                // Passwords are only ever compared (bind), never read; everything else is readable after a bind.
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by users read by * none",
                "");
    }

    private void awaitListening(Path work) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with " + process.exitValue() + ": "
                        + Files.readString(work.resolve("slapd.log")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("slapd did not listen on " + port + " within " + TIMEOUT);
    }

    private static void run(List<String> command, Path work) throws Exception {
        Path log = work.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed: " + Files.readString(log));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
    }
}
