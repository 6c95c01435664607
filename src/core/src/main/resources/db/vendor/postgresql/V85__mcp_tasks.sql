-- The tasks of the MCP tasks extension (io.modelcontextprotocol/tasks, SEP-2663), shared by every server on this
-- database so that tasks/get, tasks/update and tasks/cancel may reach any of them. The JSON columns hold the
-- original tools/call (TOOL_NAME, ARGUMENTS) and the creating request's client capabilities, from which any server
-- runs the work again with the ANSWERS gathered so far; TOOL_RESULT and JSONRPC_ERROR hold the JSON literal null
-- until the task completes or fails. VERSION is the condition of every change (compare-and-set), and a terminal
-- STATUS (completed, failed, cancelled) is never changed. Rows past EXPIRES_AT (CREATED_AT + TTL_MS) are deleted.
-- Derby's copy (db/vendor/derby/V85) differs only in CLOB for PostgreSQL's TEXT.
CREATE TABLE MCP_TASK (
    TASK_ID VARCHAR(64) NOT NULL,
    OWNER_NAME VARCHAR(512),
    STATUS VARCHAR(20) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    LAST_UPDATED_AT TIMESTAMP NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL,
    TTL_MS BIGINT NOT NULL,
    POLL_INTERVAL_MS BIGINT NOT NULL,
    TOOL_NAME VARCHAR(256) NOT NULL,
    ARGUMENTS TEXT NOT NULL,
    CLIENT_CAPABILITIES TEXT NOT NULL,
    ANSWERS TEXT NOT NULL,
    INPUT_REQUESTS TEXT NOT NULL,
    TOOL_RESULT TEXT NOT NULL,
    JSONRPC_ERROR TEXT NOT NULL,
    VERSION BIGINT NOT NULL,
    CONSTRAINT PK_MCP_TASK PRIMARY KEY (TASK_ID)
);
CREATE INDEX IX_MCP_TASK_EXPIRES_AT ON MCP_TASK (EXPIRES_AT);
