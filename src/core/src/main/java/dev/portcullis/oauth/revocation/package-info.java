/**
 * Token revocation: the RFC 7009 endpoint {@code POST /oauth/revoke}, the {@link
 * dev.portcullis.oauth.revocation.RevocationService} that revokes refresh-token families, grants and single access
 * tokens, and {@link dev.portcullis.oauth.revocation.AccessTokenRevocations}, the in-memory check the resource server
 * runs on every request.
 */
package dev.portcullis.oauth.revocation;
