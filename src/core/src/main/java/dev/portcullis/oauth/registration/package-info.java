/**
 * Dynamic Client Registration (RFC 7591) and client configuration management (RFC 7592) at
 * {@code /oauth/register}. {@link dev.portcullis.oauth.registration.ClientRegistrationService}, a
 * {@code @Stateless} EJB over JPA, is the only writer of client records; the resource is a thin HTTP adapter
 * that also applies the initial access token and the per-software rate limit. Secrets and registration
 * access tokens are stored only as hashes ({@link dev.portcullis.oauth.keys.Secrets}).
 */
package dev.portcullis.oauth.registration;
