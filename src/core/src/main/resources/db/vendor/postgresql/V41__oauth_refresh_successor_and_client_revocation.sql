-- Refresh-token rotation and bulk revocation (authorization server). PostgreSQL's copy of db/vendor/derby/V41: the
-- same schema without its last statement, which re-created IX_OAUTH_TOKEN_FAMILY_CLIENT (V40 already made it;
-- Derby passes over the repeat, PostgreSQL refuses an existing index name).
--
-- SUCCESSOR_SEALED: the successor of a rotated refresh token, AES-GCM-encrypted under a key derived from the rotated
-- token's own value (which is stored nowhere), so a refresh repeated within the reuse grace gets the same successor
-- back and the family never forks; the database alone cannot decrypt it.
ALTER TABLE OAUTH_REFRESH_TOKEN ADD COLUMN SUCCESSOR_SEALED VARCHAR(256);

-- A deleted client: every access token issued to it at or before REVOKED_AT is refused at /mcp. Kept for one
-- access-token lifetime, after which such tokens have expired anyway.
CREATE TABLE OAUTH_REVOKED_CLIENT (
    CLIENT_ID VARCHAR(64) NOT NULL,
    REVOKED_AT TIMESTAMP NOT NULL,
    CONSTRAINT PK_OAUTH_REVOKED_CLIENT PRIMARY KEY (CLIENT_ID)
);
CREATE INDEX IX_OAUTH_REVOKED_CLIENT_AT ON OAUTH_REVOKED_CLIENT (REVOKED_AT);
