package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Utm;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.LandingPageParameters;
import io.closeloop.ingest.domain.MatchFeatures;
import io.closeloop.ingest.domain.UtmExtractor;
import io.closeloop.ingest.domain.UtmNormalizer;
import io.closeloop.ingest.domain.UtmParameters;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.FormRequest;
import io.closeloop.ingest.service.request.UtmFields;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Lead-capture forms: contact details become identifiers and hashed match features; UTM from the page. */
@Singleton
public class FormKind extends TypedKind<FormRequest> {

    public FormKind(RequestReaders readers, IngestConfig config) {
        super("forms", FormRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(FormRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        String formName = violations.required("formName", request.formName());
        violations.maxLength("formName", formName, 200);
        violations.maxLength("page", request.page(), TouchpointKind.MAX_URL_LENGTH);
        violations.maxLength("referrer", request.referrer(), TouchpointKind.MAX_URL_LENGTH);
        violations.maxLength("firstName", request.firstName(), 200);
        violations.maxLength("lastName", request.lastName(), 200);
        violations.maxLength("company", request.company(), 200);
        violations.maxLength("postcode", request.postcode(), 20);
        boolean readable = request.page() != null && request.page().length() <= TouchpointKind.MAX_URL_LENGTH;
        LandingPageParameters page = readable ? UtmExtractor.extract(request.page()) : LandingPageParameters.EMPTY;
        Map<String, String> clickIds = new LinkedHashMap<>(page.clickIds());
        if (request.clickIds() != null) {
            request.clickIds().keySet().stream().filter(name -> !TouchpointKind.CLICK_IDS.contains(name))
                    .forEach(name -> violations.add("clickIds." + name, "unknown click id"));
            clickIds.putAll(request.clickIds());
        }
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId())
                .clickIds(clickIds);
        if (request.email() == null && request.phone() == null) {
            violations.add("email", "a form needs an email or a phone");
        }
        ids.requireOne();
        EventFields.utmLengths(violations, request.utm());
        violations.throwIfAny();
        return new Touch("form")
                .utm(utm(request.utm(), page.utm()))
                .web(clickIds, request.page(), request.referrer())
                .visit()
                .attribute("form_name", formName)
                .matchFeatures(MatchFeatures.of(context.hasher(), request.firstName(), request.lastName(),
                        request.company(), request.postcode(), request.email()))
                .prepare(context, eventId, time, ids);
    }

    private static Utm utm(UtmFields fields, UtmParameters fromPage) {
        UtmParameters given = fields == null ? UtmParameters.NONE : UtmNormalizer.normalize(fields.source(),
                fields.medium(), fields.campaign(), fields.term(), fields.content());
        UtmParameters utm = given.orElse(fromPage);
        return new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }
}
