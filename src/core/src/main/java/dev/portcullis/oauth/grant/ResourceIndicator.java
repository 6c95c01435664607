package dev.portcullis.oauth.grant;

/**
 * Whether a {@code resource} parameter (RFC 8707) names the one resource this server issues tokens for: the same
 * string, or that string with one trailing slash added. Clients that pass the protected resource metadata's
 * {@code resource} through a URL parser send {@code https://mcp.example.com/} for {@code https://mcp.example.com},
 * and a few append the slash to a path as well; the MCP authorization spec recommends the form without the slash,
 * so a grant always records, and a token's {@code aud} always carries, the configured form. Nothing else is
 * normalized: another path, a second slash, a query, a fragment or a different case is another resource.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2 (resource parameter)</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#canonical-server-uri">MCP
 *     authorization, canonical server URI</a>
 */
public final class ResourceIndicator {

    private ResourceIndicator() {}

    /** Whether {@code requested} names {@code resource}, the configured resource. */
    public static boolean names(String requested, String resource) {
        if (requested == null || resource == null) {
            return false;
        }
        return requested.equals(resource)
                || !resource.endsWith("/")
                        && requested.length() == resource.length() + 1
                        && requested.startsWith(resource)
                        && requested.endsWith("/");
    }
}
