package dev.portcullis.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail's settings ({@code portcullis.audit.*}), read once at start, except the switch
 * {@code portcullis.audit.enabled}: asked on every request, it is read again at most once a second, so a changed
 * server.xml variable takes effect without a restart. Defaults in {@code META-INF/microprofile-config.properties};
 * src/docs/audit.md explains each one.
 */
@ApplicationScoped
public class AuditConfig {

    static final String ENABLED = "portcullis.audit.enabled";
    private static final long REREAD_NANOS = 1_000_000_000L;

    private volatile boolean enabled = true;
    private volatile long enabledReadAt = System.nanoTime() - REREAD_NANOS;

    /** Records waiting for the database at most; further ones are dropped and counted. */
    @Inject
    @ConfigProperty(name = "portcullis.audit.queue-capacity", defaultValue = "10000")
    private int queueCapacity;

    /** How long records are kept (ISO-8601 duration; PT0S keeps them forever). */
    @Inject
    @ConfigProperty(name = "portcullis.audit.retention", defaultValue = "P90D")
    private String retention;

    /** The realm group whose members may read the audit API. */
    @Inject
    @ConfigProperty(name = "portcullis.audit.admin-group", defaultValue = "portcullis-admins")
    private String adminGroup;

    /** Fields replaced by {@code [redacted]} in recorded tool arguments and results, comma-separated. */
    @Inject
    @ConfigProperty(
            name = "portcullis.audit.redact-fields",
            defaultValue =
                    "password,secret,token,access_token,refresh_token,client_secret,code,code_verifier,authorization,api_key")
    private String redactFields;

    /** Tools whose arguments and results are recorded besides those whose {@code @Tool} opts in, comma-separated. */
    @Inject
    @ConfigProperty(name = "portcullis.audit.record-tools")
    private Optional<String> recordTools;

    /**
     * {@code login.failed} records one source address may cause per minute; further failures from it are counted
     * and reported with its next record ({@code dev.portcullis.audit.LoginFailureBudget}).
     */
    @Inject
    @ConfigProperty(name = "portcullis.audit.login-failures-per-minute", defaultValue = "10")
    private int loginFailuresPerMinute;

    /** Whether events are recorded at all ({@code portcullis.audit.enabled}, default true). */
    public boolean enabled() {
        long now = System.nanoTime();
        if (now - enabledReadAt >= REREAD_NANOS) {
            enabledReadAt = now;
            try {
                enabled = ConfigProvider.getConfig()
                        .getOptionalValue(ENABLED, Boolean.class)
                        .orElse(true);
            } catch (RuntimeException e) {
                enabled = true; // a malformed value: keep recording rather than go silent
            }
        }
        return enabled;
    }

    public int queueCapacity() {
        return Math.max(1, queueCapacity);
    }

    public int loginFailuresPerMinute() {
        return Math.max(1, loginFailuresPerMinute);
    }

    public Duration retention() {
        try {
            return Duration.parse(retention.trim());
        } catch (RuntimeException e) {
            return Duration.ofDays(90);
        }
    }

    public String adminGroup() {
        return adminGroup.trim();
    }

    /** The redacted field names, lower case. */
    public Set<String> redactFields() {
        return words(redactFields).stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> recordTools() {
        return Set.copyOf(words(recordTools.orElse("")));
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("[,\\s]+"))
                .map(String::trim)
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
