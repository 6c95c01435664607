/**
 * What both web modules share about answering HTTP: the last-resort exception mapper, which each JAX-RS
 * application registers through its own {@code @Provider} subclass, and the servlet filters for malformed
 * {@code Content-Type} headers, HSTS and CORS on the public OAuth endpoints, which each module registers through its own {@code @WebFilter} subclass
 * (provider and annotation scanning cover only a module's own classes); and
 * {@link dev.portcullis.platform.web.NoStore}, the one place that sets {@code Cache-Control: no-store}.
 */
package dev.portcullis.platform.web;
