package dev.portcullis.platform;

import dev.portcullis.config.Setting;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment when a {@link Setting} is missing or malformed, before any request is served.
 * Registered as a portable extension in {@code META-INF/services}.
 */
public class RequiredSettingsCheck implements Extension {

    private static final Logger LOG = Logger.getLogger(RequiredSettingsCheck.class.getName());

    void check(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        for (Setting setting : Setting.values()) {
            problemWith(setting, config.getOptionalValue(setting.key(), String.class)).ifPresent(message -> {
                LOG.log(Level.SEVERE, message);
                event.addDeploymentProblem(new StartupFailure(message));
            });
        }
    }

    static Optional<String> problemWith(Setting setting, Optional<String> value) {
        String trimmed = value.map(String::trim).orElse("");
        if (trimmed.isEmpty()) {
            return Optional.of(describe(setting, "is not set"));
        }
        return setting.problemWith(trimmed).map(problem -> describe(setting, "'" + trimmed + "' " + problem));
    }

    private static String describe(Setting setting, String problem) {
        return "setting " + setting.key() + " (" + setting.meaning() + ") " + problem
                + ". Set it in microprofile-config.properties, as a server.xml <variable>, or with the environment variable "
                + setting.environmentVariable() + ".";
    }
}
