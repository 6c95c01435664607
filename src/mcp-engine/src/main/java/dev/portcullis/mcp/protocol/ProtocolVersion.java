package dev.portcullis.mcp.protocol;

import java.util.List;

/**
 * The protocol revisions this server speaks and the era each belongs to.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning</a>
 */
public final class ProtocolVersion {

    public static final String MODERN = "2026-07-28";
    public static final String LEGACY_LATEST = "2025-11-25";
    /** Assumed when a legacy client sends no {@code MCP-Protocol-Version} header (T25). */
    public static final String LEGACY_DEFAULT = "2025-03-26";
    /** Legacy revisions, newest first; negotiated by {@code initialize}. */
    public static final List<String> LEGACY = List.of(LEGACY_LATEST, "2025-06-18", LEGACY_DEFAULT);

    public static final List<String> ALL = List.of(MODERN, LEGACY_LATEST, "2025-06-18", LEGACY_DEFAULT);

    private ProtocolVersion() {}

    public static boolean isLegacy(String version) {
        return LEGACY.contains(version);
    }

    public static boolean isModern(String version) {
        return MODERN.equals(version);
    }
}
