-- The HMAC key protecting the MCP modern era's requestState when portcullis.mcp.request-state-key is not set:
-- generated on first start, kept so that restarts and the servers sharing this database accept each other's states.
-- One row (ID = 'default'). V5 and V6 belong to the authorization server's migrations.
CREATE TABLE MCP_REQUEST_STATE_KEY (
    ID VARCHAR(32) NOT NULL,
    KEY_BASE64 VARCHAR(128) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    CONSTRAINT PK_MCP_REQUEST_STATE_KEY PRIMARY KEY (ID)
);
