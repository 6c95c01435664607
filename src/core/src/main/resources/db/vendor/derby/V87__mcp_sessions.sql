-- The legacy MCP sessions (2025-03-26 to 2025-11-25, Mcp-Session-Id), shared by every server on this database so
-- that each request of a session may reach any of them (a load balancer without stickiness). SESSION_KEY is the
-- SHA-256 of the session id in hex, never the id: a reader of this table cannot present a session, and the owner
-- check binds it to the subject of the caller's token anyway. CLIENT_CAPABILITIES is the JSON the client declared in
-- initialize, SUBSCRIPTIONS a JSON array of the URIs of resources/subscribe. LAST_USED_AT is written at most every
-- 30 s per session; rows idle past the idle timeout are deleted by whichever server finds them so first.
-- PostgreSQL's copy (db/vendor/postgresql/V87) differs only in TEXT for Derby's CLOB.
CREATE TABLE MCP_SESSION (
    SESSION_KEY VARCHAR(64) NOT NULL,
    PROTOCOL_VERSION VARCHAR(32) NOT NULL,
    OWNER_NAME VARCHAR(512),
    CLIENT_CAPABILITIES CLOB NOT NULL,
    LOG_LEVEL VARCHAR(16),
    SUBSCRIPTIONS CLOB NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    LAST_USED_AT TIMESTAMP NOT NULL,
    CONSTRAINT PK_MCP_SESSION PRIMARY KEY (SESSION_KEY)
);
CREATE INDEX IX_MCP_SESSION_OWNER ON MCP_SESSION (OWNER_NAME, LAST_USED_AT);
CREATE INDEX IX_MCP_SESSION_LAST_USED_AT ON MCP_SESSION (LAST_USED_AT);
