/**
 * The application's MicroProfile Health checks, served by the server at {@code /health}. They live in the root web
 * module alone: a check in the EJB module is visible to both web modules and would be reported twice.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-health-4.0/microprofile-health-spec-4.0.html">MicroProfile Health 4.0</a>
 */
package dev.portcullis.health;
