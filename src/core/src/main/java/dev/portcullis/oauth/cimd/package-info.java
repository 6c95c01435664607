/**
 * Client ID Metadata Documents: a {@code client_id} that is an https URL names a JSON document describing the
 * client. Fetches are guarded against SSRF ({@link dev.portcullis.oauth.cimd.SsrfGuard}), size- and
 * time-limited, and cached only as the document's HTTP headers allow.
 */
package dev.portcullis.oauth.cimd;
