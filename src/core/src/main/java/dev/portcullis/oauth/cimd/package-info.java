/**
 * Client ID Metadata Documents: a {@code client_id} that is an https URL names a JSON document describing the
 * client. Fetches are guarded against SSRF ({@link dev.portcullis.oauth.cimd.SsrfGuard} with the IANA
 * special-purpose blocks of {@link dev.portcullis.oauth.cimd.SpecialPurposeAddresses}), connect only to the
 * addresses the guard checked ({@link dev.portcullis.oauth.cimd.PinnedHttpsExchange}), run on a bounded executor
 * within one deadline, per-host and total concurrency caps, are size-limited, cached as the document's HTTP headers
 * allow, and remembered briefly when they fail.
 */
package dev.portcullis.oauth.cimd;
