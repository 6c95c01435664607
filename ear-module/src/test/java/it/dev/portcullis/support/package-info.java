/**
 * What the integration tests share: the Liberty server the build started (its paths, restarts and crashes),
 * and HTTPS clients that trust exactly that server's generated certificate.
 */
package it.dev.portcullis.support;
