package io.closeloop.identity.rest;

import io.closeloop.contracts.ComplianceRequest;
import io.closeloop.identity.domain.Confirmation;
import io.closeloop.identity.domain.SubjectRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A data-subject request and, for erasures, each service's confirmation")
public record SubjectRequestView(
        UUID requestId,
        @Schema(description = "erasure or access") String type,
        @Schema(description = "in_progress until every service confirmed an erasure, then complete") String status,
        Instant requestedAt,
        @Schema(description = "The staff account that asked") String requestedBy,
        Instant completedAt,
        @Schema(description = "Random person ids the request found; empty when none was found") List<UUID> personIds,
        @Schema(description = "Per service, for erasures: configured services that have not confirmed are pending")
        List<ServiceStatus> services) {

    static SubjectRequestView of(SubjectRequest request, List<String> required, List<Confirmation> confirmations) {
        List<ServiceStatus> services = new ArrayList<>();
        if (ComplianceRequest.ERASURE.equals(request.type())) {
            for (String service : required) {
                services.add(confirmations.stream().filter(c -> c.service().equals(service)).findFirst()
                        .map(c -> new ServiceStatus(service, ServiceStatus.CONFIRMED, c.confirmedAt(), c.erasedRows()))
                        .orElse(new ServiceStatus(service, ServiceStatus.PENDING, null, null)));
            }
            confirmations.stream().filter(c -> !required.contains(c.service()))
                    .forEach(c -> services.add(new ServiceStatus(c.service(), ServiceStatus.CONFIRMED,
                            c.confirmedAt(), c.erasedRows())));
        }
        return new SubjectRequestView(request.requestId(), request.type(), request.status(), request.requestedAt(),
                request.requestedBy(), request.completedAt(), request.personIds(), List.copyOf(services));
    }
}
