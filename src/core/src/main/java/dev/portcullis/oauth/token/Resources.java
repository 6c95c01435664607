package dev.portcullis.oauth.token;

import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.grant.ResourceIndicator;
import java.util.List;

/**
 * The {@code resource} parameter at the token endpoint (RFC 8707): optional, but every value sent must be the
 * resource the grant is for (here: this server's MCP endpoint, as {@link ResourceIndicator} compares them). Anything else is
 * {@code invalid_target}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 section 2.2</a>
 */
final class Resources {

    private Resources() {}

    static void requireOnly(List<String> requested, String granted) {
        for (String resource : requested) {
            if (!ResourceIndicator.names(resource, granted)) {
                throw TokenErrors.invalidTarget("the resource must be " + granted);
            }
        }
    }
}
