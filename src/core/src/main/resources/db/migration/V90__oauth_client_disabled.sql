-- Clients the operator disabled in the console (src/docs/console.md): no new grant while a row exists. Keyed by
-- client_id alone, not a column of OAUTH_CLIENT, because a client may have no row there: a metadata-document client
-- (its id an https URL, hence 2048) or a machine client provisioned in configuration. Plain SQL both Derby and
-- PostgreSQL accept, so one copy serves both.
CREATE TABLE OAUTH_CLIENT_DISABLED (
    CLIENT_ID VARCHAR(2048) NOT NULL,
    DISABLED_AT TIMESTAMP NOT NULL,
    DISABLED_BY VARCHAR(512),
    CONSTRAINT PK_OAUTH_CLIENT_DISABLED PRIMARY KEY (CLIENT_ID)
);
