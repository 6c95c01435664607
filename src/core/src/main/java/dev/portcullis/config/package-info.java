/**
 * Wiring of the web module: the JAX-RS application and the application's settings.
 *
 * <p>Settings are read through MicroProfile Config. {@link dev.portcullis.config.Setting} lists every setting
 * the application cannot start without, so that a missing or malformed value stops the deployment with one
 * message that names it.
 */
package dev.portcullis.config;
