/**
 * What the authorization server publishes about itself: the RFC 8414 metadata document (served at the host's root
 * by the root web module, {@code dev.portcullis.oauth.discovery}) and
 * {@link dev.portcullis.oauth.metadata.SupportedScopes}, the single source of supported scopes.
 */
package dev.portcullis.oauth.metadata;
