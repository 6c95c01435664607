/**
 * The official MCP conformance suite against the conformance EAR, and the checks that need its fixture jar
 * (features declared in a jar under the EAR's {@code lib/}).
 */
package it.dev.portcullis.conformance;
