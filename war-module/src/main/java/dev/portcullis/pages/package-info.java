/**
 * Short addresses at the host's root for the browser pages, which live in the authorization server's web module
 * ({@code /oauth}, the module with the FORM login): {@code /console} and {@code /account} send the browser there.
 * Nothing here reads a login or renders a page.
 */
package dev.portcullis.pages;
