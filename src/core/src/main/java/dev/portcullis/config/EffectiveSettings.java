package dev.portcullis.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Every Portcullis setting the running server sees, with its effective value and the config source it came from,
 * for the operator console. A value that could be a credential is never returned: its name or its form marks it
 * {@link EffectiveSetting#hidden() hidden} and the value is dropped here, so no page or log can show it.
 *
 * <p>Names are the {@code portcullis.*} names of every source; an environment variable ({@code PORTCULLIS_*}) is
 * listed under its own name only when no dotted name maps to it (MicroProfile Config 3.0, section "Environment
 * Variables Mapping Rules"), since the dotted entry already shows its value and source.
 */
public final class EffectiveSettings {

    private static final String PREFIX = "portcullis.";
    private static final String ENV_PREFIX = "PORTCULLIS_";
    /** Words that make a setting a credential; over-hiding a path or a count is the safe mistake. */
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(secret|password|passwd|passphrase|token|key|credential|private|hash).*");
    /** Names with a credential word that still hold no credential (an endpoint, a lifetime, a count). */
    private static final Pattern NOT_SECRET_NAME =
            Pattern.compile(".*(-endpoint|lifetime|-iterations|-cache|\\.claim|-grace)$");
    /** Values shaped like a credential whatever their name: a JWT, PEM, a stored secret hash, a base64 key. */
    private static final Pattern SECRET_VALUE =
            Pattern.compile("(?s).*(eyJ[A-Za-z0-9_-]{8,}\\.|-----BEGIN|pbkdf2-sha256\\$|[A-Za-z0-9+/_-]{32,}={0,2}).*");

    private EffectiveSettings() {}

    /** One setting as the server resolves it; {@code value} is null when {@link #hidden()} or unset. */
    public record EffectiveSetting(String name, String value, String source, boolean hidden) {}

    /** The settings of {@code config}, sorted by name. */
    public static List<EffectiveSetting> of(Config config) {
        Set<String> dotted = new TreeSet<>();
        Set<String> environment = new TreeSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (name.startsWith(PREFIX)) {
                    dotted.add(name);
                } else if (name.startsWith(ENV_PREFIX)) {
                    environment.add(name);
                }
            }
        }
        Set<String> mapped = new TreeSet<>();
        dotted.forEach(name -> mapped.add(environmentName(name)));
        List<EffectiveSetting> settings = new ArrayList<>();
        for (String name : dotted) {
            settings.add(setting(name, config.getConfigValue(name)));
        }
        for (String name : environment) {
            if (!mapped.contains(name)) {
                settings.add(setting(name, config.getConfigValue(name)));
            }
        }
        settings.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return List.copyOf(settings);
    }

    /** Whether a setting of this name, or with this value, may hold a credential. */
    public static boolean secret(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean byName = SECRET_NAME.matcher(lastSegment(lower)).matches()
                && !NOT_SECRET_NAME.matcher(lower).matches();
        return byName || (value != null && SECRET_VALUE.matcher(value).matches());
    }

    private static EffectiveSetting setting(String name, ConfigValue value) {
        String raw = value == null ? null : value.getValue();
        String source = value == null ? null : value.getSourceName();
        return secret(name, raw)
                ? new EffectiveSetting(name, null, source, true)
                : new EffectiveSetting(name, raw, source, false);
    }

    /** The last dotted segment; an environment variable's name counts as a whole. */
    private static String lastSegment(String lowerName) {
        if (lowerName.startsWith(ENV_PREFIX.toLowerCase(Locale.ROOT))) {
            return lowerName;
        }
        return lowerName.substring(lowerName.lastIndexOf('.') + 1);
    }

    /** The MicroProfile Config environment form of a dotted name: non-alphanumerics to '_', upper case. */
    private static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
