/**
 * The archetype's integration test: a project generated from {@code portcullis-archetype}, built offline against
 * this build's artifacts, with its own tests run (src/docs/adopt.md).
 */
package it.dev.portcullis.archetype;
