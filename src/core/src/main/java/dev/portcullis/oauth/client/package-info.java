/**
 * Clients as the authorization and token endpoints see them: {@link dev.portcullis.oauth.client.ClientResolver}
 * answers "who is this client_id?" for both dynamically registered clients and Client ID Metadata Documents.
 */
package dev.portcullis.oauth.client;
