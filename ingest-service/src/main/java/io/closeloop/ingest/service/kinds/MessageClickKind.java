package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.MessageClick;
import java.util.Map;
import java.util.UUID;

/** Clicks in messages: email and SMS differ only in the medium and what the recipient is. */
abstract class MessageClickKind<R extends MessageClick> extends TypedKind<R> {

    private final String touchType;
    private final String medium;

    MessageClickKind(String name, Class<R> type, String touchType, String medium, RequestReaders readers,
                     IngestConfig config) {
        super(name, type, readers, config);
        this.touchType = touchType;
        this.medium = medium;
    }

    /** Adds the hashed recipient to {@code ids}, naming the field {@code recipient}. */
    abstract void recipient(IdentifierSet ids, String recipient, TenantContext context);

    @Override
    public Prepared prepare(R request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        String campaign = ConfigFields.requiredKey(violations, "campaign", request.campaign());
        String source = ConfigFields.key(violations, "source", request.source());
        violations.maxLength("messageId", request.messageId(), 200);
        violations.maxLength("link", request.link(), TouchpointKind.MAX_URL_LENGTH);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion);
        if (violations.required("recipient", request.recipient()) != null) {
            recipient(ids, request.recipient(), context);
            ids.requireOne();
        }
        violations.throwIfAny();
        return new Touch(touchType)
                .utm(source, medium, campaign)
                .web(Map.of(), request.link(), null)
                .attribute("message_id", request.messageId())
                .prepare(context, eventId, time, ids);
    }
}
