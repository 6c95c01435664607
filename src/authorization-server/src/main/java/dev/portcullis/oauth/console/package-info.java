/**
 * The browser pages behind the realm's FORM login besides consent: {@code /oauth/account} (every signed-in user's
 * connected applications, revoke one or all) and {@code /oauth/console} (operators: clients with search and paging,
 * a client's grants, a user's grants, revoke per family, per client and per user; settings, audit views and a
 * self-test of the known clients). Server-rendered HTML without script
 * ({@link dev.portcullis.oauth.pages.PageHeaders}: {@code script-src 'none'}); every change is a POST that
 * must carry a CSRF token bound to the user's login session and the action ({@link dev.portcullis.oauth.authorize.FormTokens})
 * and, when the browser says where it comes from, come from this origin ({@link SameOrigin}). No page ever shows a
 * token, a secret or a hash. src/docs/console.md describes them.
 */
package dev.portcullis.oauth.console;
