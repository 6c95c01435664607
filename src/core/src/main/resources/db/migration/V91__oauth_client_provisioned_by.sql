-- A machine client an operator provisioned in the console: who did (NULL for a client registered through RFC 7591).
-- Its registered scope is its allowlist, and the unused-client purge leaves it alone (the operator's decision).
ALTER TABLE OAUTH_CLIENT ADD COLUMN PROVISIONED_BY VARCHAR(512);
