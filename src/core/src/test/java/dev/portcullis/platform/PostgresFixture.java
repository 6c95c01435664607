package dev.portcullis.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for a test: the Debian package's {@code initdb} and {@code pg_ctl} into a fresh folder
 * under {@code target/}, listening on a free loopback port, no Unix socket. PostgreSQL refuses to run as root, so as
 * root the server runs as {@code nobody} (which is why the folder is not a JUnit {@code @TempDir}: root's 0700 temp
 * folders are closed to nobody). Trust authentication on loopback, durability off: a test database, never a model
 * for production.
 */
public final class PostgresFixture implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("postgresql.bin", "/usr/lib/postgresql/15/bin"));
    static final String USER = "portcullis";

    private final Path dataDir;
    private final int port;

    private PostgresFixture(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Whether the PostgreSQL binaries are installed (.ci/run installs the Debian package). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    /** Initialises and starts a new server with an empty database {@code postgres} owned by {@link #USER}. */
    public static PostgresFixture start() {
        try {
            Path base = Files.createDirectories(Path.of("target", "postgresql").toAbsolutePath());
            Path dir = Files.createDirectory(base.resolve(UUID.randomUUID().toString()));
            Path data = dir.resolve("data");
            int port = freePort();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "nobody", dir.toString()));
            }
            run(asServerUser(
                    root,
                    BIN.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "-N"));
            Files.writeString(
                    data.resolve("postgresql.conf"),
                    String.join(
                            "\n",
                            "listen_addresses = '127.0.0.1'",
                            "port = " + port,
                            "unix_socket_directories = ''",
                            "max_connections = 200",
                            "fsync = off",
                            "synchronous_commit = off",
                            "full_page_writes = off",
                            ""),
                    java.nio.file.StandardOpenOption.APPEND);
            run(asServerUser(
                    root,
                    BIN.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    dir.resolve("server.log").toString(),
                    "-w",
                    "start"));
            return new PostgresFixture(data, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** A datasource on a database of this server, created now if it does not exist. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = dataSource0("postgres");
        if (!"postgres".equals(database)) {
            try (var c = dataSource.getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("CREATE DATABASE " + database);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("CREATE DATABASE " + database + ": " + e.getMessage(), e);
            }
        }
        return dataSource0(database);
    }

    private PGSimpleDataSource dataSource0(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(USER);
        return dataSource;
    }

    @Override
    public void close() {
        boolean root = "root".equals(System.getProperty("user.name"));
        run(asServerUser(
                root, BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
    }

    private static List<String> asServerUser(boolean root, String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
