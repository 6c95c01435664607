package it.dev.portcullis.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS request to the test server from a chosen loopback source address (Linux routes all of 127.0.0.0/8 to
 * the loopback interface): the server sees that address as the caller, so tests of per-address limits do not share
 * a budget with every other test, which calls from 127.0.0.1. The JDK HttpClient cannot choose its local address
 * on Java 17.
 */
public final class FromAddress {

    /** A response: status, headers (lower-case names, first value) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final AppServer server;
    private final InetAddress local;

    private FromAddress(AppServer server, InetAddress local) {
        this.server = server;
        this.local = local;
    }

    /** A random source address in 127.0.0.2-127.0.0.254, so reruns against one server do not meet old counts. */
    public static FromAddress randomLoopback(AppServer server) {
        try {
            return new FromAddress(server, InetAddress.getByAddress(new byte[] {
                127,
                0,
                (byte) ThreadLocalRandom.current().nextInt(1, 255),
                (byte) ThreadLocalRandom.current().nextInt(2, 255)
            }));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return local.getHostAddress();
    }

    /** POSTs {@code body} with {@code contentType} to {@code path}, with an optional Authorization header. */
    public Answer post(String path, String contentType, String body, String authorization) throws IOException {
        Socket raw = new Socket();
        raw.bind(new InetSocketAddress(local, 0));
        InetAddress target = java.util.Arrays.stream(
                        InetAddress.getAllByName(server.baseUrl().getHost()))
                .filter(a -> a instanceof java.net.Inet4Address)
                .findFirst()
                .orElseThrow();
        raw.connect(new InetSocketAddress(target, server.baseUrl().getPort()), 10_000);
        try (SSLSocket socket = (SSLSocket) Https.trustingServer(server)
                .getSocketFactory()
                .createSocket(raw, server.baseUrl().getHost(), server.baseUrl().getPort(), true)) {
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + server.baseUrl().getAuthority() + "\r\nContent-Type: "
                            + contentType + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n"
                            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.putIfAbsent(
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
