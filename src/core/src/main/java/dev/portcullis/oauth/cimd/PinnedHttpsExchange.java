package dev.portcullis.oauth.cimd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET over TLS to an address the {@link SsrfGuard} approved, never resolving the host again. The JDK
 * HttpClient and HttpsURLConnection both resolve the host name themselves when they connect, so neither can be
 * pinned; this opens the TCP connection to the checked {@link InetAddress}, then runs TLS with the URL's host as
 * SNI and as the name the certificate must match ({@code HTTPS} endpoint identification, RFC 2818 / RFC 6125), and
 * sends that host in {@code Host}. Every read waits at most until the deadline, so a host that drips bytes cannot
 * hold the fetch longer than the deadline either. Bodies (plain, {@code Content-Length} or chunked) are read to at
 * most {@code limit + 1} bytes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9112">RFC 9112 (HTTP/1.1)</a>
 */
final class PinnedHttpsExchange {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** A response: status, headers (names in lower case, first value each) and the capped body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final SSLContext tls;
    private final Clock clock;

    PinnedHttpsExchange(SSLContext tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    /** GETs {@code url} from the first of {@code addresses} that accepts a connection, before {@code deadline}. */
    Response get(URI url, List<InetAddress> addresses, int limit, long connectTimeoutMillis, Instant deadline)
            throws IOException {
        String host = url.getHost().startsWith("[")
                ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        int port = url.getPort() == -1 ? 443 : url.getPort();
        IOException last = new IOException("no address to connect to");
        for (InetAddress address : addresses) {
            Socket raw = new Socket();
            try {
                raw.connect(new InetSocketAddress(address, port), (int)
                        Math.max(1, Math.min(connectTimeoutMillis, remaining(deadline))));
            } catch (IOException e) {
                raw.close();
                last = e;
                continue;
            }
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isIpLiteral(host)) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(remaining(deadline));
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                String hostHeader =
                        (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (url.getPort() == -1 ? "" : ":" + port);
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                                + "Accept-Encoding: identity\r\nUser-Agent: Portcullis-CIMD\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return read(new DeadlineInput(socket, deadline), limit);
            }
        }
        throw last;
    }

    private Response read(DeadlineInput in, int limit) throws IOException {
        String statusLine = in.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed status line");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = in.line(); !line.isEmpty(); line = in.line()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = chunked(in, limit);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("a malformed Content-Length");
            }
            body = in.bytes((int) Math.min(length, limit + 1L), true);
        } else {
            body = in.bytes(limit + 1, false);
        }
        return new Response(status, headers, body);
    }

    private static byte[] chunked(DeadlineInput in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() <= limit) {
            String sizeLine = in.line();
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a malformed chunk size");
            }
            if (size < 0) {
                throw new IOException("a malformed chunk size");
            }
            if (size == 0) {
                break;
            }
            body.writeBytes(in.bytes(Math.min(size, limit + 1 - body.size()), true));
            if (body.size() > limit) {
                break;
            }
            in.line();
        }
        return body.toByteArray();
    }

    private int remaining(Instant deadline) throws SocketTimeoutException {
        long millis = deadline.toEpochMilli() - clock.millis();
        if (millis <= 0) {
            throw new SocketTimeoutException("Timeout: the fetch deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** The socket's input, each read bounded by what is left of the deadline. */
    private final class DeadlineInput {

        private final SSLSocket socket;
        private final InputStream in;
        private final Instant deadline;
        private int headerBytes;

        DeadlineInput(SSLSocket socket, Instant deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private int read() throws IOException {
            socket.setSoTimeout(remaining(deadline));
            return in.read();
        }

        /** A CRLF-terminated line without its terminator; header lines together at most 16 KiB. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = read();
                if (b == -1) {
                    throw new IOException("the connection ended inside the headers");
                }
                if (++headerBytes > MAX_HEADER_BYTES) {
                    throw new IOException("the response headers are too large");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        /** Up to {@code count} bytes; with {@code exact}, an earlier end of the connection is an error. */
        byte[] bytes(int count, boolean exact) throws IOException {
            byte[] buffer = new byte[count];
            int filled = 0;
            while (filled < count) {
                socket.setSoTimeout(remaining(deadline));
                int n = in.read(buffer, filled, count - filled);
                if (n == -1) {
                    if (exact) {
                        throw new IOException("the connection ended inside the body");
                    }
                    break;
                }
                filled += n;
            }
            return filled == count ? buffer : Arrays.copyOf(buffer, filled);
        }
    }
}
