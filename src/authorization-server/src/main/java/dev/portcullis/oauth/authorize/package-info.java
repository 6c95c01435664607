/**
 * The authorization endpoint, {@code /oauth/authorize}: validates the request (client and redirect URI first,
 * then response type, PKCE, resource and scope), shows the consent page to the user the realm logged in, and
 * answers the client's redirect URI with a code or an error, always with {@code iss}.
 *
 * <p>Login is not here: web.xml protects the endpoint with a FORM login constraint, so the application server's
 * realm authenticates the user and the application never sees a password ({@link
 * dev.portcullis.oauth.authorize.FormLoginOnly} keeps that login in place where a server would put the root module's
 * bearer-token mechanism in front of it). What the application learns of the login
 * is the user's name and groups ({@link dev.portcullis.oauth.authorize.RealmUser}) and the moment it saw the login
 * ({@link dev.portcullis.oauth.authorize.LoginMoment}: the {@code auth_time} of the tokens, and the login session
 * the consent forms are bound to).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 section 4.1.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.1">OAuth 2.1 section 4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207">RFC 9207 (iss in the authorization response)</a>
 */
package dev.portcullis.oauth.authorize;
