package it.dev.portcullis.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange over a raw TLS socket, for requests no HTTP client will send: a {@code Content-Length}
 * larger than the bytes that follow, broken framing, bytes that are not UTF-8. The answer is whatever the server
 * wrote before it closed the connection or the read timed out.
 */
public final class RawHttps {

    private RawHttps() {}

    /** The server's answer (head and body as text); empty if it sent nothing within {@code timeoutMillis}. */
    public static String exchange(AppServer server, byte[] request, int timeoutMillis) throws IOException {
        return exchange(server, request, timeoutMillis, false);
    }

    /**
     * As {@link #exchange(AppServer, byte[], int)}; with {@code endOfInput} the client ends its side after the
     * request (TLS close_notify), so a server waiting for more body bytes sees the end at once.
     */
    public static String exchange(AppServer server, byte[] request, int timeoutMillis, boolean endOfInput)
            throws IOException {
        try (SSLSocket socket = (SSLSocket) Https.trustingServer(server)
                .getSocketFactory()
                .createSocket(server.baseUrl().getHost(), server.baseUrl().getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (endOfInput) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // the server may answer and close before it has read everything: read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | javax.net.ssl.SSLException stopped) {
                // what arrived is the answer
            } catch (IOException reset) {
                // a reset after the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of an answer from {@link #exchange}, or -1 when there was none. */
    public static int status(String answer) {
        if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
            return -1;
        }
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** A request head (CRLF line ends, blank line at the end) followed by {@code body}. */
    public static byte[] request(String head, byte[] body) {
        byte[] headBytes = (head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** A head plus a body of {@code Content-Length} bytes, or a chunked body ending in the last chunk. */
    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = answer.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length);
            long declared = Long.parseLong(head.substring(length + 15, lineEnd < 0 ? head.length() : lineEnd)
                    .trim());
            return answer.getBytes(StandardCharsets.ISO_8859_1).length - end - 4 >= declared;
        }
        if (head.contains("transfer-encoding: chunked")) {
            return answer.endsWith("0\r\n\r\n");
        }
        return false;
    }
}
