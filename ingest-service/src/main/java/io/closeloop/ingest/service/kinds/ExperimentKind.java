package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.ExperimentRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Holdout assignments on {@code experiments.raw}: a person's identifier in the control or exposed arm. */
@Singleton
public class ExperimentKind extends TypedKind<ExperimentRequest> {

    static final List<String> ARMS = List.of(ExperimentAssignment.CONTROL, ExperimentAssignment.EXPOSED);

    public ExperimentKind(RequestReaders readers, IngestConfig config) {
        super("experiments", ExperimentRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(ExperimentRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String experiment = violations.required("experimentId", request.experimentId());
        violations.maxLength("experimentId", experiment, 200);
        String campaign = ConfigFields.requiredKey(violations, "campaign", request.campaign());
        String channel = ConfigFields.channel(violations, "channel", request.channel());
        if (channel == null) {
            violations.add("channel", "is required");
        }
        String arm = violations.required("arm", request.arm());
        if (arm != null && !ARMS.contains(arm.toLowerCase(Locale.ROOT))) {
            violations.add("arm", "must be one of " + ARMS);
        }
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId());
        if (request.email() == null && request.phone() == null && request.crmContactId() == null
                && request.anonymousId() == null) {
            violations.add("email", "an assignment needs a person: email, phone, crmContactId or anonymousId");
        }
        ids.requireOne();
        violations.throwIfAny();
        ExperimentAssignment assignment = new ExperimentAssignment(context.tenant(), eventId, experiment, campaign,
                channel, arm.toLowerCase(Locale.ROOT), time.instant(), time.sourceZone(), context.clock().instant(),
                ids.identifiers());
        return new Prepared(eventId, "experiment", assignment.assignedAt(), Topics.EXPERIMENTS_RAW,
                Keys.raw(context.tenant(), assignment.identifiers(), eventId), assignment)
                .withWarnings(ids.warnings());
    }
}
