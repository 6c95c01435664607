/**
 * The authorization server's metadata at the host's well-known URLs (RFC 8414 section 3, and the same document as
 * OpenID Connect discovery). It lives in the root web module because well-known URIs are rooted at the host
 * (RFC 8615); the document itself is built by {@link dev.portcullis.oauth.metadata.AuthorizationServerMetadata}.
 */
package dev.portcullis.oauth.discovery;
