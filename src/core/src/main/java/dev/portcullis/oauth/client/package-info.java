/**
 * Clients as the authorization and token endpoints see them: {@link dev.portcullis.oauth.client.ClientResolver}
 * answers "who is this client_id?" for dynamically registered clients, Client ID Metadata Documents and the
 * operator's machine clients ({@link dev.portcullis.oauth.client.MachineClients}).
 */
package dev.portcullis.oauth.client;
