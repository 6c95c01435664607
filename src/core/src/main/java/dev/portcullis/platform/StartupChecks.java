package dev.portcullis.platform;

import dev.portcullis.config.AuthServerSettings;
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
 * Fails the deployment, before any bean starts or any request is served, when a {@link Setting} is missing or
 * malformed, when an optional authorization server setting is malformed ({@link AuthServerSettings}), or when the
 * datasource cannot open a connection, or when the demo realm is active in a production installation
 * ({@link DemoRealmGuard}, which also warns at every start while the demo realm is active). Each problem is one line that names what to fix:
 * problems are reported to CDI as {@link StartupFailure}s, which carry no stack trace.
 * Registered as a portable extension in {@code META-INF/services}.
 */
public class StartupChecks implements Extension {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    void check(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        for (Setting setting : Setting.values()) {
            problemWith(setting, config.getOptionalValue(setting.key(), String.class))
                    .ifPresent(message -> report(event, new StartupFailure(message)));
        }
        AuthServerSettings.problems(key -> config.getOptionalValue(key, String.class))
                .forEach(message -> report(event, new StartupFailure(message)));
        DemoRealmGuard demo = DemoRealmGuard.from(config);
        demo.warning().ifPresent(warning -> LOG.warning(warning));
        demo.problem().ifPresent(message -> report(event, new StartupFailure(message)));
        try {
            SchemaMigration.checkReachable(SchemaMigration.lookupDataSource());
        } catch (StartupFailure failure) {
            report(event, failure);
        }
    }

    private static void report(AfterDeploymentValidation event, StartupFailure failure) {
        LOG.log(Level.SEVERE, failure.toString());
        event.addDeploymentProblem(failure);
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
