package io.closeloop.ingest.service.kinds;

import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.ConsentSignal;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Keys;
import io.closeloop.contracts.Topics;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ConsentSignals;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.GppString;
import io.closeloop.ingest.domain.UsNatSection;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.TenantContext;
import io.closeloop.ingest.service.request.ConsentRequest;
import io.closeloop.ingest.service.request.ConsentRequest.ConsentModeFields;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Consent signals per person on {@code consents.raw}; identity keeps the history and decides. */
@Singleton
public class ConsentKind extends TypedKind<ConsentRequest> {

    static final List<String> SOURCES = List.of("consent_mode", "gpc", "gpp", "cmp", "crm", "api");
    private static final Pattern REGION = Pattern.compile("([A-Z]{2})(-[A-Z0-9]{1,3})?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ConsentKind(RequestReaders readers, IngestConfig config) {
        super("consents", ConsentRequest.class, readers, config);
    }

    @Override
    public Prepared prepare(ConsentRequest request, UUID eventId, TenantContext context) {
        Violations violations = new Violations();
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), context);
        Map<ConsentPurpose, String> consentMode = consentMode(violations, request.consentMode());
        UsNatSection usNat = null;
        if (request.gpp() != null) {
            try {
                usNat = GppString.parse(request.gpp()).usOptOuts().orElse(null);
            } catch (IllegalArgumentException e) {
                violations.add("gpp", "is not a valid GPP string: " + e.getMessage());
            }
        }
        if (consentMode.isEmpty() && request.gpc() == null && request.gpp() == null) {
            violations.add("consentMode", "a consent signal needs consentMode, gpc or gpp");
        }
        String region = region(violations, request.region());
        String source = source(violations, request);
        IdentifierSet ids = identifiers(violations, context, request);
        violations.throwIfAny();
        ConsentSignal signal = new ConsentSignal(context.tenant(), eventId, time.instant(), time.sourceZone(),
                context.clock().instant(), ids.identifiers(), region, source,
                ConsentSignals.purposes(consentMode, request.gpc(), usNat), request.gpp());
        return new Prepared(eventId, "consent", signal.occurredAt(), Topics.CONSENTS_RAW,
                Keys.raw(context.tenant(), signal.identifiers(), eventId), signal).withWarnings(ids.warnings());
    }

    private static IdentifierSet identifiers(Violations violations, TenantContext context, ConsentRequest request) {
        IdentifierSet ids = new IdentifierSet(context.hasher(), violations)
                .inRegion(request.phoneRegion(), context.settings().phoneRegion)
                .email(request.email())
                .phone(request.phone())
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId());
        if (request.email() == null && request.phone() == null && request.crmContactId() == null
                && request.anonymousId() == null) {
            violations.add("anonymousId", "a consent signal needs a person: email, phone, crmContactId or anonymousId");
        }
        return ids.requireOne();
    }

    private static Map<ConsentPurpose, String> consentMode(Violations violations, ConsentModeFields fields) {
        Map<ConsentPurpose, String> purposes = new EnumMap<>(ConsentPurpose.class);
        if (fields != null) {
            put(violations, purposes, ConsentPurpose.MEASUREMENT, "consentMode.analytics_storage",
                    fields.analyticsStorage());
            put(violations, purposes, ConsentPurpose.AD_STORAGE, "consentMode.ad_storage", fields.adStorage());
            put(violations, purposes, ConsentPurpose.AD_USER_DATA, "consentMode.ad_user_data", fields.adUserData());
            put(violations, purposes, ConsentPurpose.AD_PERSONALIZATION, "consentMode.ad_personalization",
                    fields.adPersonalization());
        }
        return purposes;
    }

    private static void put(Violations violations, Map<ConsentPurpose, String> purposes, ConsentPurpose purpose,
                            String field, String value) {
        if (value == null) {
            return;
        }
        String state = value.trim().toLowerCase(Locale.ROOT);
        if (!state.equals(ConsentSignals.GRANTED) && !state.equals(ConsentSignals.DENIED)) {
            violations.add(field, "must be granted or denied");
        } else {
            purposes.put(purpose, state);
        }
    }

    private static String region(Violations violations, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String region = given.trim().toUpperCase(Locale.ROOT);
        var match = REGION.matcher(region);
        if (!match.matches() || !COUNTRIES.contains(match.group(1))) {
            violations.add("region", "must be an ISO 3166 region, optionally with subdivision (US, US-CA)");
        }
        return region;
    }

    private static String source(Violations violations, ConsentRequest request) {
        if (request.source() != null) {
            String source = request.source().trim().toLowerCase(Locale.ROOT);
            if (!SOURCES.contains(source)) {
                violations.add("source", "must be one of " + SOURCES);
            }
            return source;
        }
        return request.gpp() != null ? "gpp" : request.gpc() != null && request.consentMode() == null ? "gpc"
                : "consent_mode";
    }
}
