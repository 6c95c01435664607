-- A revoked (deleted or disabled) client may be a metadata-document client, whose client_id is an https URL of up to
-- 2048 characters (as in OAUTH_TOKEN_FAMILY): 64 refused its revocation entry. Derby's copy differs only in the
-- ALTER COLUMN syntax.
ALTER TABLE OAUTH_REVOKED_CLIENT ALTER COLUMN CLIENT_ID TYPE VARCHAR(2048);
