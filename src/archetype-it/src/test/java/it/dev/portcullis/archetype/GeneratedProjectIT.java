package it.dev.portcullis.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn archetype:generate} with this build's archetype into a temporary folder, then the generated project's
 * own test command ({@code ./mvnw verify}, as its README says), both offline (Maven's {@code -o}) against a private
 * local repository that holds the artifacts this build just made. The generated build runs the Arquillian test of its
 * tool and its end-to-end test, which starts its EAR on Liberty and calls the tool with the official MCP TypeScript
 * SDK through discovery, registration, login, consent and PKCE. Both must have run, and passed.
 */
class GeneratedProjectIT {

    private static final Path WORK = Path.of(System.getProperty("it.work.dir"));
    private static final Path WRAPPER = Path.of(System.getProperty("it.maven.wrapper"));

    @Test
    void generatedProjectBuildsOfflineAndItsToolAnswersTheSdkClient() throws Exception {
        Path repository = PrivateRepository.completeFrom(
                Path.of(System.getProperty("it.seed.repo")), Path.of(System.getProperty("it.repo")));
        deleteRecursively(WORK);
        Files.createDirectories(WORK);

        Instant started = Instant.now();
        maven(
                WORK,
                WRAPPER,
                repository,
                "generate.log",
                Duration.ofMinutes(5),
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("it.archetype.plugin.version")
                        + ":generate",
                "-DinteractiveMode=false",
                "-DarchetypeGroupId=dev.portcullis",
                "-DarchetypeArtifactId=portcullis-archetype",
                "-DarchetypeVersion=" + System.getProperty("it.archetype.version"),
                "-DgroupId=com.example.orders",
                "-DartifactId=orders",
                "-Dversion=1.0.0-SNAPSHOT",
                "-Dpackage=com.example.orders");
        Path project = WORK.resolve("orders");
        for (String part : List.of(
                "pom.xml",
                "README.md",
                "mvnw",
                "war-module/pom.xml",
                "ear-module/pom.xml",
                "liberty-config/server.xml",
                "src/service/pom.xml")) {
            assertTrue(Files.exists(project.resolve(part)), "the generated project has " + part);
        }
        assertTrue(Files.isExecutable(project.resolve("mvnw")), "./mvnw is executable");
        Duration generation = Duration.between(started, Instant.now());

        // The README's test command, with the generated wrapper.
        maven(
                project,
                project.resolve("mvnw"),
                repository,
                "verify.log",
                Duration.ofMinutes(25),
                "verify",
                "-Dit.https.port=" + System.getProperty("it.https.port"),
                "-Darquillian.http.port=" + System.getProperty("it.arquillian.http.port"),
                "-Darquillian.https.port=" + System.getProperty("it.arquillian.https.port"),
                "-Dit.node.tools=" + System.getProperty("it.node.tools"),
                // This build's unzipped Liberty runtime, not a second one (the project's servers have names of their
                // own: orders, orders-arquillian).
                "-Dliberty.install.dir=" + System.getProperty("it.liberty.install.dir"));

        assertRan(project.resolve("src/service/target/failsafe-reports/failsafe-summary.xml"), 2);
        assertRan(project.resolve("ear-module/target/failsafe-reports/failsafe-summary.xml"), 1);
        String transcript = Files.readString(project.resolve("ear-module/target/e2e/call-tool.log"));
        assertTrue(transcript.contains("STEP add_note ok"), "the SDK client called add_note:\n" + transcript);
        System.out.printf(
                "archetype IT: generation %ds, generated build %ds%n",
                generation.toSeconds(),
                Duration.between(started, Instant.now()).minus(generation).toSeconds());
    }

    /** The summary of a failsafe run: {@code tests} completed, none failed, erred or skipped. */
    private static void assertRan(Path summary, int tests) throws IOException {
        String xml = Files.readString(summary);
        assertEquals(tests, count(xml, "completed"), summary + ":\n" + xml);
        assertEquals(0, count(xml, "errors") + count(xml, "failures"), summary + ":\n" + xml);
        assertEquals(0, count(xml, "skipped"), "skipped tests (is Chromium installed?) in " + summary + ":\n" + xml);
    }

    private static int count(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">(\\d+)</" + element + ">").matcher(xml);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Runs the wrapper offline, batch, against the private repository; fails with the log's tail. */
    private static void maven(
            Path directory, Path wrapper, Path repository, String logName, Duration limit, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("sh", wrapper.toString(), "-B", "-o", "-ntp", "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(arguments));
        Path log = WORK.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        // The generated build picks its own Maven options and ports; none of this build's leak in.
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().remove("HTTPS_PORT");
        builder.environment().remove("HTTP_PORT");
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new AssertionError(String.join(" ", arguments) + " did not finish within " + limit + "; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("./mvnw " + String.join(" ", arguments) + " failed (" + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
