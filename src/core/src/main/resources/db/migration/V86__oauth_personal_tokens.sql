-- Personal access tokens: access tokens a signed-in user mints for scripts, CI or curl (the account page). The
-- token itself is a signed JWT and is never stored; this row lets its owner list and revoke it (the jti).
CREATE TABLE OAUTH_PERSONAL_TOKEN (
    TOKEN_ID VARCHAR(64) NOT NULL,
    SUBJECT VARCHAR(512) NOT NULL,
    NAME VARCHAR(100) NOT NULL,
    SCOPE VARCHAR(4000) NOT NULL,
    CREATED_AT TIMESTAMP NOT NULL,
    EXPIRES_AT TIMESTAMP NOT NULL,
    REVOKED_AT TIMESTAMP,
    CONSTRAINT PK_OAUTH_PERSONAL_TOKEN PRIMARY KEY (TOKEN_ID)
);
CREATE INDEX IX_OAUTH_PERSONAL_TOKEN_SUBJECT ON OAUTH_PERSONAL_TOKEN (SUBJECT);
