package dev.portcullis.resourceserver;

import dev.portcullis.oauth.keys.NimbusJose;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code typ} JOSE header (RFC 7515 section 4.1.9) of tokens MicroProfile JWT accepted, parsed once per distinct
 * header rather than once per request: MicroProfile JWT has parsed the header already and does not expose it, and an
 * issuer's access tokens share one header per signing key ({@code alg}, {@code kid}, {@code typ}), so the set is tiny.
 * Only tokens whose signature a trusted key verified get here, so a caller cannot grow it; it is bounded anyway.
 */
@ApplicationScoped
public class TokenHeaderTypes {

    static final int MAX_HEADERS = 64;

    private final Map<String, Optional<String>> byHeader = new ConcurrentHashMap<>();

    /** The {@code typ} header of a compact-serialized JWT; empty when it has none or the header does not parse. */
    public Optional<String> of(String jwt) {
        int dot = jwt == null ? -1 : jwt.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String header = jwt.substring(0, dot);
        Optional<String> known = byHeader.get(header);
        if (known != null) {
            return known;
        }
        if (byHeader.size() >= MAX_HEADERS) {
            byHeader.clear();
        }
        Optional<String> parsed = NimbusJose.headerType(header + ".");
        byHeader.put(header, parsed);
        return parsed;
    }

    /** How many distinct headers are remembered (for tests). */
    int size() {
        return byHeader.size();
    }
}
