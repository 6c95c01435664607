/**
 * What keeps a Portcullis server fit to serve: the start-up checks, the versioned database schema, the
 * installation record and the readiness check.
 *
 * <p>Start-up problems an operator can fix (a missing setting, an unreachable database) stop the deployment
 * with one {@link dev.portcullis.platform.StartupFailure} message that names the setting, not a stack trace.
 */
package dev.portcullis.platform;
