package dev.portcullis.oauth.admin;

import dev.portcullis.audit.AuditJson;
import dev.portcullis.audit.AuditRecords;
import dev.portcullis.json.Jsons;
import dev.portcullis.persistence.AuditRecordEntity;
import dev.portcullis.platform.web.NoStore;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /oauth/admin/audit}: one page of records ({@code {"records": [...], "next_cursor": "..."}}, the cursor
 * absent on the last page); {@code GET /oauth/admin/audit/export}: every matching record as JSON Lines
 * ({@code application/jsonl}), streamed a keyset page at a time so the export's size never sits in memory. Both take
 * the same filters ({@link AuditQueryParameters}); src/docs/audit.md has examples.
 */
@Path("/admin/audit")
@RequestScoped
public class AuditResource {

    static final String JSON_LINES = "application/jsonl";
    static final int EXPORT_PAGE = 500;
    private static final Logger LOG = Logger.getLogger(AuditResource.class.getName());

    @Inject
    private AdminAccess access;

    @EJB
    private AuditRecords records;

    @Context
    private HttpServletRequest http;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response page(@Context UriInfo uri) {
        return guarded(uri, query -> {
            List<AuditRecordEntity> page = records.page(query.filter(), query.afterId(), query.limit() + 1);
            JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
            page.stream().limit(query.limit()).forEach(r -> array.add(AuditJson.of(r)));
            JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder().add("records", array);
            if (page.size() > query.limit()) {
                body.add(
                        "next_cursor",
                        AuditQueryParameters.cursorAfter(
                                page.get(query.limit() - 1).getRecordId()));
            }
            return NoStore.set(Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE))
                    .build();
        });
    }

    @GET
    @Path("export")
    @Produces({JSON_LINES, MediaType.WILDCARD})
    public Response export(@Context UriInfo uri) {
        return guarded(uri, query -> {
            List<AuditRecordEntity> first = records.page(query.filter(), query.afterId(), EXPORT_PAGE);
            StreamingOutput body = out -> write(out, query, first);
            return NoStore.set(Response.ok(body, JSON_LINES))
                    .header("Content-Disposition", "attachment; filename=\"audit.jsonl\"")
                    .build();
        });
    }

    /** Writes {@code page} and the pages after it; the first page was read before the response was committed. */
    private void write(OutputStream out, AuditQueryParameters query, List<AuditRecordEntity> page) throws IOException {
        while (!page.isEmpty()) {
            for (AuditRecordEntity r : page) {
                out.write(AuditJson.of(r).toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            out.flush();
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            page = records.page(query.filter(), page.get(page.size() - 1).getRecordId(), EXPORT_PAGE);
        }
    }

    private interface Answer {
        Response answer(AuditQueryParameters query);
    }

    private Response guarded(UriInfo uri, Answer answer) {
        boolean loggedInHere = http.getUserPrincipal() == null;
        try {
            Optional<Response> refusal = access.refusal(http);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            AuditQueryParameters query;
            try {
                query = AuditQueryParameters.parse(uri.getQueryParameters());
            } catch (IllegalArgumentException e) {
                return AuditErrors.badRequest(e.getMessage());
            }
            return answer.answer(query);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the audit trail failed: {0}", e.toString());
            return AuditErrors.unavailable();
        } finally {
            access.end(http, loggedInHere && http.getUserPrincipal() != null);
        }
    }
}
