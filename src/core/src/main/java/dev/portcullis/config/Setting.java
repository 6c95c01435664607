package dev.portcullis.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings Portcullis cannot start without, with the rule each value must follow.
 *
 * <p>Defaults live in {@code META-INF/microprofile-config.properties}; an operator overrides them with an
 * environment variable ({@link #environmentVariable()}), a system property or a server.xml variable.
 */
public enum Setting {

    /**
     * The authorization server's issuer identifier.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 section 2</a>
     */
    ISSUER("portcullis.issuer", "the authorization server's issuer URL, e.g. https://mcp.example.com") {
        @Override
        public Optional<String> problemWith(String value) {
            return httpsUrlProblem(value, false);
        }
    },

    /**
     * The canonical URL of the MCP endpoint: the protected resource's identifier and every token's audience.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2</a>
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9728#section-3.3">RFC 9728 section 3.3</a>
     */
    MCP_RESOURCE("portcullis.mcp.resource", "the public URL of the MCP endpoint, e.g. https://mcp.example.com/mcp") {
        @Override
        public Optional<String> problemWith(String value) {
            return httpsUrlProblem(value, true);
        }
    };

    private final String key;
    private final String meaning;

    Setting(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** The MicroProfile Config key. */
    public String key() {
        return key;
    }

    /** What the value means, for messages to operators. */
    public String meaning() {
        return meaning;
    }

    /** The environment variable that overrides the key (MicroProfile Config's environment source rules). */
    public String environmentVariable() {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Why {@code value} is not acceptable, or empty when it is. */
    public abstract Optional<String> problemWith(String value);

    /** An absolute https URL without query or fragment and, unless {@code pathAllowed}, without a path. */
    static Optional<String> httpsUrlProblem(String value, boolean pathAllowed) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("must not have a query, a fragment or user information");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            return Optional.of("must not end with a slash");
        }
        if (!pathAllowed && !path.isEmpty()) {
            return Optional.of("must not have a path");
        }
        return Optional.empty();
    }
}
