/**
 * Feature discovery and invocation: the portable CDI extension that finds {@code @Tool}, {@code @Resource},
 * {@code @ResourceTemplate}, {@code @Prompt} and completion methods on managed beans (also in jars under the EAR's
 * {@code lib/}), validates them when the application deploys, generates JSON Schema 2020-12 from Java types, binds
 * JSON arguments to parameters and encodes results. Nothing here knows about HTTP or JSON-RPC envelopes.
 */
package dev.portcullis.mcp.tools;
