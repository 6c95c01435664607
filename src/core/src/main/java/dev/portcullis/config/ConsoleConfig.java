package dev.portcullis.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser pages' settings ({@code portcullis.console.*}), read on every call like {@link AuthorizeConfig};
 * src/docs/console.md explains each one.
 */
@ApplicationScoped
public class ConsoleConfig {

    static final String OPERATOR_GROUP = "portcullis.console.operator-group";

    /** The realm group whose members may use the operator console ({@code portcullis.console.operator-group}). */
    public String operatorGroup() {
        return ConfigProvider.getConfig(ConsoleConfig.class.getClassLoader())
                .getOptionalValue(OPERATOR_GROUP, String.class)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse("portcullis-admins");
    }
}
