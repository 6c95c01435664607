/**
 * The HTML pages users see: FORM login and its error page, consent, the consent list, and error pages. All are
 * rendered on the server with escaped values, use one same-origin stylesheet, no scripts and no third-party
 * assets, and carry {@link dev.portcullis.oauth.pages.PageHeaders}: no caching, no framing, a strict CSP.
 */
package dev.portcullis.oauth.pages;
