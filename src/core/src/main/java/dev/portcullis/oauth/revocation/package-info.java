/**
 * Token revocation: the RFC 7009 endpoint {@code POST /oauth/revoke}, the {@link
 * dev.portcullis.oauth.revocation.RevocationService} that revokes refresh-token families, grants, single access
 * tokens and, when an authorization ends (a withdrawn consent, a replayed code, a deleted client, observed as CDI
 * events), everything of a client and user, and {@link dev.portcullis.oauth.revocation.AccessTokenRevocations}, the
 * in-memory check the resource server runs on every request.
 */
package dev.portcullis.oauth.revocation;
