/**
 * The demo downstream API: a stand-in for the ERP or ticket system a tool wraps, so the two-command demo shows
 * outbound credentials (src/docs/outbound.md) with the demo tool {@code downstream_whoami}. It answers only while the
 * demo realm is active and the installation is not declared production, and then only to the demo's static API key;
 * everywhere else it is a 404. It never sees the MCP caller's token: it reports whether an {@code Authorization}
 * header reached it at all.
 */
package dev.portcullis.demodownstream;
