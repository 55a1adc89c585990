package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Money;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConfigFields;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.BookedJobRequest;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;

/** Booked jobs (appointments, service visits): the job id is the conversion id; the value is optional per type. */
@Singleton
public class BookedJobKind extends TypedKind<BookedJobRequest> {

    public BookedJobKind(RequestReaders readers, IngestConfig config) {
        super("booked-jobs", BookedJobRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(BookedJobRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        String jobId = violations.required("jobId", request.jobId());
        violations.maxLength("jobId", jobId, 200);
        ConversionType type = OfflineConversion.type(violations, request.conversionType(), context);
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        Money value = EventFields.money(violations, "value", request.value());
        OfflineConversion.requireValueIf(violations, type, value, request.value() != null);
        String status = SaleStatus.of(violations, request.status());
        ConversionLifecycle lifecycle = ConversionLifecycle.read(violations, request.change(),
                request.sourceUpdatedAt(), value, request.value() != null, request.timeZone(), context);
        String jobType = ConfigFields.key(violations, "jobType", request.jobType());
        LocalDate scheduled = ConfigFields.day(violations, "scheduledFor", request.scheduledFor(), false);
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId());
        violations.throwIfAny();
        return new OfflineConversion(jobId, status)
                .attribute("job_type", jobType)
                .attribute("scheduled_for", scheduled)
                .sourceSystem("booking")
                .lifecycle(lifecycle)
                .prepare(context, eventId, type, time, value, ids);
    }
}
