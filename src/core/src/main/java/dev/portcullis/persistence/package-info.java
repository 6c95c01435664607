/**
 * JPA entities of the platform itself. Storage only: no business rules live here. The tables are created by
 * the versioned migrations in {@code db/migration}, never by JPA.
 */
package dev.portcullis.persistence;
