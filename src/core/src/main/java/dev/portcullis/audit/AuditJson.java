package dev.portcullis.audit;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.persistence.AuditRecordEntity;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** An audit record as the operator API and the JSON Lines export show it (src/docs/audit.md). */
public final class AuditJson {

    private AuditJson() {}

    public static JsonObject of(AuditRecordEntity r) {
        JsonObjectBuilder json = Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", r.getRecordId())
                .add("time", r.getOccurredAt().toString())
                .add("type", r.getEventType())
                .add("outcome", r.getOutcome());
        add(json, "subject", r.getSubject());
        add(json, "client_id", r.getClientId());
        add(json, "target", r.getTarget());
        if (r.getErrorCode() != null) {
            json.add("error_code", r.getErrorCode());
        }
        if (r.getDurationMicros() != null) {
            json.add("duration_us", r.getDurationMicros());
        }
        add(json, "request_id", r.getRequestId());
        add(json, "flow_id", r.getFlowId());
        if (r.getDetails() != null) {
            try {
                json.add("details", JsonInput.read(r.getDetails()));
            } catch (RuntimeException e) {
                json.add("details", r.getDetails());
            }
        }
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
