package it.dev.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's application settings for a server the build does not configure: failsafe's {@code it.app.settings},
 * {@code key=value} lines (the values Liberty gets as {@code jvmOptions}), with {@code {base.url}} and
 * {@code {certificate.pem}} standing for this server's own HTTPS origin and exported certificate. The server applies
 * them as MicroProfile Config properties.
 */
final class AppSettings {

    private AppSettings() {}

    /** Writes the settings to {@code file} as a properties file and returns it; null when there are none. */
    static Path write(Path file, URI baseUrl) {
        String settings = System.getProperty("it.app.settings", "").strip();
        if (settings.isEmpty()) {
            return null;
        }
        String origin = baseUrl.toString().replaceAll("/$", "");
        StringBuilder lines = new StringBuilder();
        settings.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .forEach(line -> lines.append(line.replace("{base.url}", origin)
                                .replace("{certificate.pem}", AppServer.required("it.server.certificate.pem")))
                        .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
