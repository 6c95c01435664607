/** The benchmark's baseline: a bare JAX-RS endpoint that parses and returns a JSON-RPC-sized body. */
package dev.portcullis.bench;
