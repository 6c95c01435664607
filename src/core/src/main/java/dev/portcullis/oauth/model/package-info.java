/**
 * The OAuth domain core, as values: a client as registered ({@link dev.portcullis.oauth.model.RegisteredClient}) or
 * configured ({@link dev.portcullis.oauth.model.MachineClient}), and what a user authorized
 * ({@link dev.portcullis.oauth.model.AuthorizationGrant}). The bottom OAuth layer: it imports no service or endpoint
 * package, so that every other OAuth package can use it without a cycle (src/docs/architecture.md).
 */
package dev.portcullis.oauth.model;
