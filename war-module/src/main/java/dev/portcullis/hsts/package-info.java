/**
 * HTTP Strict Transport Security for the root module (/mcp, the discovery documents): every answer over HTTPS tells the browser to use only HTTPS for
 * this host from now on (RFC 6797). A servlet filter, so every Jakarta EE server sends it without server
 * configuration.
 */
package dev.portcullis.hsts;
