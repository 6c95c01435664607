/**
 * The notes: a JPA entity over Derby, its transactional {@code @Stateless} EJB (the business logic an application
 * already has), and the MCP features over it. {@link ${package}.notes.NoteTools} is a tool bean: its methods are MCP
 * tools that delegate to {@link ${package}.notes.NoteBook}, whose {@code @RolesAllowed} sees the caller the access
 * token established.
 */
package ${package}.notes;
