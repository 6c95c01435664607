/**
 * OAuth errors: code throws {@link dev.portcullis.oauth.error.OAuthException} from anywhere, and one mapper in the
 * authorization server's web module ({@code dev.portcullis.oauth.endpoints.OAuthExceptionMapper}) writes the
 * RFC 6749 section 5.2 / RFC 7591 section 3.2.2 JSON body with {@code Cache-Control: no-store}. Descriptions never
 * contain secrets or stack traces. Every {@code error} code the server sends is a constant of
 * {@link dev.portcullis.oauth.error.OAuthErrorCodes}. With {@code oauth.model}, the bottom OAuth layer.
 */
package dev.portcullis.oauth.error;
