/**
 * Opening and keeping a connection: {@code initialize} (legacy era) and {@code server/discover} (modern era) with
 * the server capabilities per era, {@code ping}, {@code logging/setLevel} and {@code resources/subscribe} /
 * {@code unsubscribe} of a legacy session. Above {@code tasks}, whose extension the modern capabilities advertise.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
package dev.portcullis.mcp.server.lifecycle;
