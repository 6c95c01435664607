package it.dev.portcullis.cluster;

import it.dev.portcullis.support.LibertyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of the nodes: HTTPS on a loopback port with the product server's certificate (the tests
 * trust it), round-robin over the nodes with no stickiness of any kind (no cookie, no source hash, no
 * {@code prefer-last-server}), re-encrypting to each node and verifying its certificate. A connection a dead node
 * refuses is retried on the other ({@code retry-on conn-failure}, {@code option redispatch}); health checks take a
 * dead node out within a second. Its log (one line per request: node, status, method, path without query,
 * X-Request-Id) is {@link #log()}; the configuration is the one src/docs/scale-out.md shows.
 */
final class Balancer implements AutoCloseable {

    private final Path dir;
    private final int port;
    /** The admin socket: in a short temporary folder, since a Unix socket path holds at most 97 bytes for HAProxy. */
    private Path adminSocket;

    private Process process;

    Balancer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/haproxy"));
    }

    int port() {
        return port;
    }

    Path log() {
        return dir.resolve("haproxy.log");
    }

    void start(List<ClusterNode> nodes) throws Exception {
        Files.createDirectories(dir);
        adminSocket = Files.createTempDirectory(
                        Path.of("/tmp"),
                        "haproxy-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                .resolve("admin.sock");
        Path pem = dir.resolve("balancer.pem");
        Path ca = dir.resolve("nodes-ca.pem");
        writePems(pem, ca);
        StringBuilder servers = new StringBuilder();
        for (ClusterNode node : nodes) {
            servers.append("    server ")
                    .append(node.name())
                    .append(" 127.0.0.1:")
                    .append(node.httpsPort())
                    .append('\n');
        }
        String config = """
                global
                    log stdout format raw local0
                    maxconn 4096
                    stats socket %s level admin
                defaults
                    mode http
                    log global
                    timeout connect 2s
                    timeout check 5s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend portcullis
                    bind 127.0.0.1:%d ssl crt %s
                    http-request capture req.hdr(X-Request-Id) len 64
                    log-format "%%s %%ST %%HM %%HPO %%[capture.req.hdr(0)]"
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /health/ready
                    default-server ssl verify required ca-file %s sni str(localhost) verifyhost localhost check inter 1s fastinter 500ms fall 3 rise 1
                %s""".formatted(adminSocket, port, pem, ca, servers);
        Files.writeString(dir.resolve("haproxy.cfg"), config);
        process = new ProcessBuilder(
                        "/usr/sbin/haproxy",
                        "-db",
                        "-f",
                        dir.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                awaitNodesUp(nodes.size());
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("haproxy exited: " + Files.readString(log()));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("haproxy did not listen on " + port);
    }

    /** Waits until requests through the balancer reach every node: the last four all answered, by every node. */
    private void awaitNodesUp(int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        for (int i = 0; System.currentTimeMillis() < deadline; i++) {
            try {
                it.dev.portcullis.support.Https.client()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("https://localhost:" + port + "/health/ready"))
                                        .header("X-Request-Id", "warmup-" + (1000 + i))
                                        .timeout(java.time.Duration.ofSeconds(10))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (IOException notYet) {
                // the balancer answers, the nodes may not yet
            }
            Thread.sleep(100);
            List<String[]> warmup = requests("warmup-");
            List<String[]> last = warmup.subList(Math.max(0, warmup.size() - 4), warmup.size());
            if (last.size() == 4
                    && last.stream().allMatch(r -> r[1].equals("200"))
                    && last.stream().map(r -> r[0]).distinct().count() == count) {
                return;
            }
        }
        throw new IllegalStateException("the balancer did not reach every node: " + Files.readString(log()));
    }

    /** Takes a node out of the rotation ({@code disable}) or puts it back ({@code enable}): HAProxy's admin socket. */
    void server(String action, String node) throws IOException {
        try (java.nio.channels.SocketChannel socket =
                java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.connect(java.net.UnixDomainSocketAddress.of(adminSocket));
            socket.write(java.nio.ByteBuffer.wrap(
                    (action + " server nodes/" + node + "\n").getBytes(StandardCharsets.US_ASCII)));
            socket.read(java.nio.ByteBuffer.allocate(1024));
        }
    }

    /** The balancer's process, for its CPU time. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** The log lines of requests carrying an X-Request-Id that starts with {@code prefix}: node, status, method, path. */
    List<String[]> requests(String prefix) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log())) {
            String[] fields = line.split(" ");
            if (fields.length == 5 && fields[4].startsWith(prefix)) {
                lines.add(fields);
            }
        }
        return lines;
    }

    /** The product server's key and certificate for the frontend, and its certificate to verify the nodes with. */
    private static void writePems(Path pem, Path ca) throws Exception {
        LibertyServer product = LibertyServer.current();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(product.keystore())) {
            keystore.load(in, product.keystorePassword());
        }
        String alias = java.util.Collections.list(keystore.aliases()).stream()
                .filter(a -> {
                    try {
                        return keystore.isKeyEntry(a);
                    } catch (java.security.KeyStoreException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        Key key = keystore.getKey(alias, product.keystorePassword());
        Certificate certificate = keystore.getCertificate(alias);
        String certificatePem = pem("CERTIFICATE", certificate.getEncoded());
        Files.deleteIfExists(pem);
        Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pem, certificatePem + pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(ca, certificatePem, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (adminSocket != null) {
            Files.deleteIfExists(adminSocket);
            Files.deleteIfExists(adminSocket.getParent());
        }
    }
}
