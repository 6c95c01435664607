package dev.portcullis.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The MCP endpoint's settings ({@code portcullis.mcp.*}); defaults in {@code microprofile-config.properties}. */
@ApplicationScoped
public class McpConfig {

    /**
     * Origins (scheme://host[:port]) besides loopback ones that may call /mcp from a browser, comma- or
     * space-separated. Read as one string and split here: {@code Optional<List<String>>} injection is not converted
     * alike by every server's MicroProfile Config (Payara's fails with a ClassCastException).
     */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.allowed-origins")
    private Optional<String> allowedOrigins;

    /** Largest POST body accepted, in bytes; larger bodies get 413. */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.max-body-bytes", defaultValue = "1048576")
    private int maxBodyBytes;

    /** Items per page of tools/list, resources/list, resources/templates/list and prompts/list. */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.page-size", defaultValue = "50")
    private int pageSize;

    /** The canonical MCP endpoint URL; its host is an allowed Host header besides loopback names. */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.resource")
    private Optional<String> resource; // required and checked by StartupChecks; Optional keeps CDI validation of
    // other modules of the same EAR (their own config sources) from failing

    /**
     * The HMAC key (base64, at least 32 bytes) protecting the modern era's requestState. Unset: a random key
     * generated on first start and kept in the database (table MCP_REQUEST_STATE_KEY), so it survives restarts and
     * servers on one database share it.
     */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.request-state-key")
    private Optional<String> requestStateKey;

    /** Seconds between keep-alive comments on idle notification streams (GET and subscriptions/listen). */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.keep-alive-seconds", defaultValue = "15")
    private int keepAliveSeconds;

    /** Legacy sessions that may exist at once; past it, initialize is refused (HTTP 503) until idle ones expire. */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.max-sessions", defaultValue = "10000")
    private int maxSessions;

    /** Legacy sessions one subject may hold; its next initialize ends its least recently used one. */
    @Inject
    @ConfigProperty(name = "portcullis.mcp.max-sessions-per-subject", defaultValue = "32")
    private int maxSessionsPerSubject;

    public int maxSessions() {
        return Math.max(1, maxSessions);
    }

    public int maxSessionsPerSubject() {
        return Math.max(1, maxSessionsPerSubject);
    }

    public Duration keepAlive() {
        return Duration.ofSeconds(Math.max(1, keepAliveSeconds));
    }

    public Optional<byte[]> requestStateKey() {
        return requestStateKey.map(key -> Base64.getDecoder().decode(key.strip()));
    }

    public List<String> allowedOrigins() {
        return allowedOrigins
                .map(value -> Arrays.stream(value.split("[,\\s]+"))
                        .filter(origin -> !origin.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The host name of {@code portcullis.mcp.resource}, lower case. */
    public String canonicalHost() {
        String host = resource.map(URI::create).map(URI::getHost).orElse(null);
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
