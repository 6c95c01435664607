/**
 * The application's one {@link java.time.Clock}: every bean that reads the time injects it, so that tests move time
 * by enabling an alternative clock instead of sleeping.
 */
package dev.portcullis.mcp.time;
