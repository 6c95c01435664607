package it.dev.portcullis.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's log (Liberty: messages.log, Payara: server.log) from a mark on: what a test run added. Servers roll the file at its size limit, so
 * a shorter file than the mark means it was rolled and everything in it is new.
 */
public final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the current end of the log of {@code server}. */
    public static ServerLog markEnd(AppServer server) throws IOException {
        Path file = server.log();
        return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /** The lines written since the mark. */
    public List<String> newLines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long from = log.length() < mark ? 0 : mark;
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, log.length() - from)];
            log.seek(from);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * New lines that are (part of) a stack trace: a frame ({@code "\tat ..."}), a trace's first line (an exception
     * class at the start of the line, or after {@code "Caused by: "}), or the last-resort mapper's line (a 500).
     */
    public List<String> stackTraceLines() throws IOException {
        return newLines().stream()
                .filter(line -> line.startsWith("\tat ")
                        || line.startsWith("\t... ")
                        || line.matches("^(Caused by: )?[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)(: .*)?$")
                        || line.contains("LastResortExceptionMapper"))
                .toList();
    }
}
