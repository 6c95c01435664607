/**
 * Remembered consent: which clients a user approved for which scopes ({@link dev.portcullis.oauth.consent.Consents}),
 * and the page at {@code /oauth/consents} where users see and withdraw them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6819#section-5.2.4.1">RFC 6819 section 5.2.4.1 (user consent)</a>
 */
package dev.portcullis.oauth.consent;
