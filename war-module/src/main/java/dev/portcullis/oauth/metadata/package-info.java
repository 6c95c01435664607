/**
 * The authorization server's public documents: RFC 8414 metadata (also served as OpenID discovery), the JWK Set,
 * and {@link dev.portcullis.oauth.metadata.SupportedScopes}, the single source of supported scopes.
 */
package dev.portcullis.oauth.metadata;
