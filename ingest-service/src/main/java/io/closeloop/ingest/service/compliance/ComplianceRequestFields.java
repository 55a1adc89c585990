package io.closeloop.ingest.service.compliance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data-subject request as a compliance officer sends it; at least one way to name the person. */
@Schema(description = "Erasure or access request; emails and phones are hashed on arrival", example = """
        {"type":"erasure","email":"jane@example.com","phone":"+4915123456789","crmContactId":"C-1"}""")
public record ComplianceRequestFields(
        @Schema(required = true, enumeration = {"erasure", "access"}) String type,
        @Schema(description = "Hashed on arrival") String email,
        @Schema(description = "Hashed on arrival (E.164)") String phone,
        @Schema(description = "A person id identity gave out") UUID personId,
        String crmContactId,
        @Schema(description = "Device or cookie id") String anonymousId,
        @Schema(description = "gclid, fbclid, ... the person's click ids") Map<String, String> clickIds,
        @Schema(description = "More person ids") List<UUID> personIds) {
}
