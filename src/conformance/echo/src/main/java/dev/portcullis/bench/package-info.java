/**
 * The benchmark's baselines: a bare JAX-RS endpoint that parses and returns a JSON-RPC-sized body, and the same
 * endpoint behind the container's MicroProfile JWT authentication.
 */
package dev.portcullis.bench;
