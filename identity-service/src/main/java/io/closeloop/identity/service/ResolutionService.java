package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.ConversionResolved;
import io.closeloop.contracts.ExperimentAssignment;
import io.closeloop.contracts.ExperimentAssignmentResolved;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.TouchpointResolved;
import io.closeloop.identity.messaging.ConversionResolvedPublisher;
import io.closeloop.identity.messaging.ExperimentResolvedPublisher;
import io.closeloop.identity.messaging.TouchpointResolvedPublisher;
import io.closeloop.identity.repository.GraphRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Stitches raw events to persons and publishes them resolved. Runs inside the consumer's transaction,
 * so the graph, the processed-message mark, the outbox rows and the audit entries commit together. A touch
 * without measurement consent is published nowhere; a conversion always is, with the consent in force.
 */
@ApplicationScoped
public class ResolutionService {

    private static final Logger LOG = Logger.getLogger(ResolutionService.class);

    private final EventStitcher stitcher;
    private final GraphRepository graph;
    private final AuditLog auditLog;
    private final TouchpointResolvedPublisher touchpoints;
    private final ConversionResolvedPublisher conversions;
    private final ExperimentResolvedPublisher experiments;
    private final MeterRegistry meters;
    private final PersonActivity activity;

    public ResolutionService(EventStitcher stitcher, GraphRepository graph, AuditLog auditLog,
                             TouchpointResolvedPublisher touchpoints, ConversionResolvedPublisher conversions,
                             ExperimentResolvedPublisher experiments, MeterRegistry meters,
                             PersonActivity activity) {
        this.stitcher = stitcher;
        this.graph = graph;
        this.auditLog = auditLog;
        this.touchpoints = touchpoints;
        this.conversions = conversions;
        this.experiments = experiments;
        this.meters = meters;
        this.activity = activity;
    }

    public Uni<Void> resolveTouchpoint(TouchpointRaw touch) {
        return resolve(EventFacts.of(touch), touch, s -> activity.touch(touch, s.personId())
                .chain(() -> touchpoints.publish(new TouchpointResolved(touch.tenant(),
                touch.eventId(), s.personId(), s.linkConfidence(), s.consent(), touch.touchType(), touch.occurredAt(),
                touch.sourceZone(), touch.channel(), touch.utm(), touch.clickIds(), touch.landingPage(),
                touch.referrer(), touch.attributes()))));
    }

    public Uni<Void> resolveConversion(ConversionRaw conversion) {
        return resolve(EventFacts.of(conversion), null, s -> activity.conversion(conversion, s.personId())
                .chain(() -> graph.hasTouch(conversion.tenant(), s.personId()))
                .invoke(matched -> meters.counter("closeloop.identity.conversions.resolved",
                        "tenant", conversion.tenant(), "matched", Boolean.toString(matched)).increment())
                .chain(matched -> conversions.publish(new ConversionResolved(conversion.tenant(),
                        conversion.eventId(), s.personId(), s.linkConfidence(), s.consent(), matched,
                        conversion.conversionId(), conversion.conversionType(), conversion.status(),
                        conversion.occurredAt(), conversion.sourceZone(), conversion.value(),
                        conversion.exportHashes(), conversion.baseValue(), null, conversion.attributes(),
                        conversion.change(), conversion.sourceUpdatedAt(), conversion.ingestSequence()))));
    }

    public Uni<Void> resolveExperiment(ExperimentAssignment assignment) {
        return resolve(EventFacts.of(assignment), null, s -> experiments.publish(new ExperimentAssignmentResolved(
                assignment.tenant(), assignment.eventId(), s.personId(), s.linkConfidence(),
                assignment.experimentId(), assignment.campaign(), assignment.channel(), assignment.arm(),
                assignment.assignedAt())));
    }

    private Uni<Void> resolve(EventFacts event, TouchpointRaw touch,
                              Function<EventStitcher.Stitched, Uni<Void>> publish) {
        AuditBatch audit = new AuditBatch(event.tenant());
        return stitcher.stitch(event, touch, audit)
                .chain(stitched -> stitched == null ? Uni.createFrom().voidItem() : publish.apply(stitched))
                .chain(() -> audit.appendTo(auditLog))
                .onFailure().invoke(e -> LOG.debugf(e, "tenant %s: resolving event %s failed", event.tenant(),
                        event.eventId()));
    }
}
