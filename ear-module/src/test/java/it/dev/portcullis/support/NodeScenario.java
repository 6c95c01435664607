package it.dev.portcullis.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code journey.mjs <scenario>} for {@link SdkClient}: reads its {@code STEP <name> ok|FAILED <detail>}
 * lines, restarts the server when it prints {@code PAUSE restart}, and checks that every expected step was proven, in
 * order. A failure names the first step that broke (or never ran) and the log with the client's whole output.
 */
final class NodeScenario {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final List<String> command;
    private final Path directory;
    private final Map<String, String> environment;
    private final Path log;

    NodeScenario(List<String> command, Path directory, Map<String, String> environment, Path log) {
        this.command = command;
        this.directory = directory;
        this.environment = environment;
        this.log = log;
    }

    /** Runs it; returns each step's detail. */
    Map<String, String> runExpecting(List<String> steps) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        log.resolveSibling(log.getFileName() + ".stderr").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();

        Map<String, String> proven = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        String failed = null;
        boolean done = false;
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer stdin = process.outputWriter(StandardCharsets.UTF_8);
                Writer transcript = Files.newBufferedWriter(log)) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                transcript.write(line + "\n");
                transcript.flush();
                System.out.println("[" + log.getFileName() + "] " + line);
                if (line.equals("PAUSE restart")) {
                    AppServer.current().restart();
                    stdin.write("resumed\n");
                    stdin.flush();
                } else if (line.startsWith("STEP ")) {
                    String[] parts = line.split(" ", 4);
                    if (parts[2].equals("ok")) {
                        proven.put(parts[1], parts.length > 3 ? parts[3] : "");
                    } else {
                        failed = "step " + parts[1] + " failed: " + (parts.length > 3 ? parts[3] : "");
                    }
                } else if (line.equals("DONE")) {
                    done = true;
                }
            }
        }
        int exit = process.waitFor();
        List<String> order = new ArrayList<>(proven.keySet());
        for (String step : steps) {
            if (!proven.containsKey(step)) {
                fail(
                        "%s%nexpected steps %s, proven %s; client output in %s",
                        Optional.ofNullable(failed)
                                .orElse("step " + step + " never ran (the client exited with " + exit + ")"),
                        steps,
                        order,
                        log);
            }
        }
        if (!order.equals(steps) || !done || exit != 0) {
            fail(
                    "the client proved %s (expected %s), exited %d%s; see %s",
                    order, steps, exit, done ? "" : " without DONE", log);
        }
        return proven;
    }
}
