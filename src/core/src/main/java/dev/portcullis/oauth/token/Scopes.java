package dev.portcullis.oauth.token;

import dev.portcullis.oauth.error.TokenErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scope strings (RFC 6749 section 3.3): space-delimited scope tokens of visible ASCII without {@code "} and
 * {@code \}, order kept and duplicates dropped. A token request may only narrow the scope it is entitled to.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 section 3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 section 6 (refresh: no new scope)</a>
 */
public final class Scopes {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private Scopes() {}

    /** The scope tokens of a scope string; {@code invalid_scope} when malformed. */
    public static List<String> parse(String scope) {
        LinkedHashSet<String> tokens = new LinkedHashSet<>();
        for (String token : scope.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw TokenErrors.invalidScope("the scope is malformed");
            }
            tokens.add(token);
        }
        return List.copyOf(tokens);
    }

    /** The requested scope when it is within {@code entitled}; {@code entitled} when none is requested. */
    public static List<String> narrow(Optional<String> requested, Collection<String> entitled) {
        if (requested.isEmpty()) {
            return List.copyOf(entitled);
        }
        List<String> wanted = parse(requested.get());
        List<String> beyond = new ArrayList<>(wanted);
        beyond.removeAll(entitled);
        if (!beyond.isEmpty()) {
            throw TokenErrors.invalidScope("the scope may not include " + String.join(" ", beyond));
        }
        return wanted;
    }

    public static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
