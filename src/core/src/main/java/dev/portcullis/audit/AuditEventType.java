package dev.portcullis.audit;

/** What happened; {@link #wireName()} is the {@code type} of the record in the API and the export. */
public enum AuditEventType {
    CLIENT_REGISTERED("client.registered"),
    CLIENT_UPDATED("client.updated"),
    CLIENT_DELETED("client.deleted"),
    CLIENT_PURGED("client.purged"),
    CLIENT_DISABLED("client.disabled"),
    CLIENT_ENABLED("client.enabled"),
    CIMD_FETCHED("cimd.fetched"),
    AUTHORIZATION_STARTED("authorization.started"),
    AUTHORIZATION_REFUSED("authorization.refused"),
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    CONSENT_SHOWN("consent.shown"),
    CONSENT_GRANTED("consent.granted"),
    CONSENT_DENIED("consent.denied"),
    CONSENT_REMEMBERED("consent.remembered"),
    CONSENT_WITHDRAWN("consent.withdrawn"),
    CODE_ISSUED("code.issued"),
    CODE_REPLAYED("code.replayed"),
    TOKEN_ISSUED("token.issued"),
    TOKEN_REFUSED("token.refused"),
    REFRESH_ROTATED("refresh.rotated"),
    REFRESH_REPLAYED("refresh.replayed"),
    FAMILY_REVOKED("family.revoked"),
    REVOCATION_REQUESTED("revocation.requested"),
    BEARER_REFUSED("bearer.refused"),
    MCP_SESSION_OPENED("mcp.session.opened"),
    MCP_SESSION_CLOSED("mcp.session.closed"),
    MCP_TOOLS_CALL("mcp.tools.call"),
    MCP_RESOURCES_READ("mcp.resources.read"),
    MCP_PROMPTS_GET("mcp.prompts.get"),
    DOWNSTREAM_TOKEN_FAILED("downstream.token.failed"),
    SIGNING_KEY_ROTATED("signing-key.rotated"),
    PERSONAL_TOKEN_CREATED("personal-token.created"),
    PERSONAL_TOKEN_REVOKED("personal-token.revoked"),
    INSPECTOR_CALL("inspector.call");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type named {@code wireName}, or null. */
    public static AuditEventType ofWireName(String wireName) {
        for (AuditEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        return null;
    }
}
