package it.dev.portcullis.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the Debian package's binaries) in a folder of its own, on a loopback port, without a
 * Unix socket, with one database {@value #DATABASE} owned by {@value #USER}. As root the server runs as
 * {@code nobody} (PostgreSQL refuses root), so the folder is made under {@code target/} and handed to nobody.
 * Every statement is logged to {@link #log()}: a test reads there which SQL the servers send. Durability is off: a
 * test database.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "portcullis";
    static final String DATABASE = "portcullis";
    private static final Path BIN = Path.of(System.getProperty("it.postgresql.bin", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private PostgresServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    static PostgresServer start(Path dir, int port) {
        PostgresServer server = new PostgresServer(dir, port);
        server.init();
        return server;
    }

    int port() {
        return port;
    }

    /** The server process and its backends, for their CPU time. */
    java.util.stream.Stream<ProcessHandle> processes() throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants());
    }

    Path log() {
        return dir.resolve("server.log");
    }

    private void init() {
        try {
            Files.createDirectories(dir);
            if (root) {
                run(List.of("chown", "nobody", dir.toString()));
            }
            Path data = dir.resolve("data");
            run(asServerUser(
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
                            "log_statement = 'all'",
                            ""),
                    StandardOpenOption.APPEND);
            run(asServerUser(
                    BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log().toString(), "-w", "start"));
            run(asServerUser(
                    BIN.resolve("createdb").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    USER,
                    DATABASE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        run(asServerUser(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"));
    }

    private List<String> asServerUser(String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
