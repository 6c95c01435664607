-- Two reads that scanned whole tables once the registry was large (RegistryAtScaleArquillianIT, Derby's XPLAIN):
-- a user's grants (the account page, and the console's users view) by SUBJECT, newest first, which read every
-- unexpired family through the EXPIRES_AT index; and the console's first page of clients, newest first, which read
-- and sorted every client. Each gets the index its ORDER BY walks.
CREATE INDEX IX_OAUTH_TOKEN_FAMILY_SUBJECT ON OAUTH_TOKEN_FAMILY (SUBJECT, CREATED_AT);
CREATE INDEX IX_OAUTH_CLIENT_NEWEST ON OAUTH_CLIENT (ISSUED_AT DESC, CLIENT_ID);
