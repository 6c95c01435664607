/**
 * HTTP Strict Transport Security for the authorization server's module (/oauth): every answer over HTTPS tells the browser to use only HTTPS for
 * this host from now on (RFC 6797). A servlet filter, so every Jakarta EE server sends it without server
 * configuration.
 */
package dev.portcullis.oauth.hsts;
