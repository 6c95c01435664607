-- Remembered consent applies only to clients whose identity is proven (a secret at the token endpoint, or an
-- https client_id metadata document). Approvals stored earlier for public self-registered clients are never applied
-- again, so they are removed rather than listed on /oauth/consents as if they still counted (RFC 8252 section 8.6).
DELETE FROM OAUTH_CONSENT
WHERE CLIENT_ID IN (SELECT CLIENT_ID FROM OAUTH_CLIENT WHERE TOKEN_ENDPOINT_AUTH_METHOD = 'none');
