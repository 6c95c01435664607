-- Reads that scanned whole tables, or a popular client's every grant, once the registry was large
-- (RegistryAtScaleArquillianIT, Derby's XPLAIN): a user's grants (the account page) by SUBJECT, which read every
-- unexpired family through the EXPIRES_AT index; ending one user's grants to a client (SUBJECT and CLIENT_ID),
-- which read all of that client's families through its CLIENT_ID index; and the console's first page of clients,
-- newest first, which read and sorted every client. Each gets the index it looks up or walks.
CREATE INDEX IX_OAUTH_TOKEN_FAMILY_SUBJECT ON OAUTH_TOKEN_FAMILY (SUBJECT, CLIENT_ID, CREATED_AT);
CREATE INDEX IX_OAUTH_CLIENT_NEWEST ON OAUTH_CLIENT (ISSUED_AT DESC, CLIENT_ID);
