package it.dev.portcullis.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A load generator's connection: one TLS socket kept alive, blocking HTTP/1.1 requests written as prepared bytes,
 * responses read with their status line, {@code Content-Length} or chunked body, and a connection the server
 * closes opened again. Benchmarks only: on a 2-core machine the load generator shares the CPU with the server, so it
 * does as little as it can per request (the JDK's {@code HttpClient} adds its asynchronous machinery and a selector
 * thread). Nothing is skipped that the server must do: TLS with the server's certificate verified, full requests,
 * full responses read.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** A response: its status and body. */
    record Response(int status, String body) {}

    private final SSLContext tls;
    private final URI server;
    private SSLSocket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(SSLContext tls, URI server) throws IOException {
        this.tls = tls;
        this.server = server;
        connect();
    }

    private void connect() throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket(server.getHost(), server.getPort());
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** The TLS protocol this connection negotiated, for example {@code TLSv1.3}. */
    String protocol() {
        return socket.getSession().getProtocol();
    }

    /** A request as bytes, to be prepared once and sent many times. */
    static byte[] request(String method, URI server, String path, String headers, String body) {
        String bodyPart = body == null ? "" : body;
        String head = method + ' ' + path + " HTTP/1.1\r\nHost: " + server.getHost() + ':' + server.getPort() + "\r\n"
                + headers
                + (body == null ? "" : "Content-Length: " + bodyPart.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n";
        return (head + bodyPart).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request and reads the whole response; connects again first if the server closed the last one. */
    Response exchange(byte[] request) throws IOException {
        if (socket.isClosed()) {
            connect();
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(
                        lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        Response response = new Response(
                status, chunked ? chunkedBody() : new String(exactly(Math.max(length, 0)), StandardCharsets.UTF_8));
        if (closing) {
            socket.close();
        }
        return response;
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(exactly(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private byte[] exactly(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length != count) {
            throw new EOFException("the response ended early");
        }
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
