package io.closeloop.ingest.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.Json;
import io.closeloop.contracts.Money;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.contracts.Utm;
import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import io.closeloop.ingest.domain.EventTime;
import io.closeloop.ingest.domain.IdentifierHasher;
import io.closeloop.ingest.domain.LandingPageParameters;
import io.closeloop.ingest.domain.TenantSettingsEntity;
import io.closeloop.ingest.domain.UtmExtractor;
import io.closeloop.ingest.domain.UtmNormalizer;
import io.closeloop.ingest.domain.UtmParameters;
import io.closeloop.ingest.messaging.ConversionRawPublisher;
import io.closeloop.ingest.messaging.TouchpointRawPublisher;
import io.closeloop.ingest.repository.RawEventRepository;
import io.closeloop.ingest.repository.TenantSecretRepository;
import io.closeloop.ingest.repository.TenantSettingsRepository;
import io.closeloop.ingest.rest.ConversionRequest;
import io.closeloop.ingest.rest.IngestResult;
import io.closeloop.ingest.rest.MoneyFields;
import io.closeloop.ingest.rest.TouchpointRequest;
import io.closeloop.ingest.rest.UtmFields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Accepts touchpoints and conversions: validates, hashes identifiers, and in one transaction stores the
 * raw event and enqueues it for publishing. Answering means the event is durable.
 */
@ApplicationScoped
public class IngestService {

    static final Set<String> TOUCH_TYPES = Set.of("ad_click", "page_view", "form", "call", "email_click",
            "sms_click", "qr_scan", "promo", "badge_scan");
    static final Set<String> CLICK_IDS = Set.copyOf(UtmExtractor.CLICK_IDS);
    /** Longer URLs are refused; the landing page is only parsed within this bound. */
    static final int MAX_URL_LENGTH = 2048;
    static final Set<String> CONVERSION_STATUSES = Set.of("completed", "new", "qualified", "mql", "sql", "won",
            "lost", "cancelled");

    private final RawEventRepository rawEvents;
    private final TenantSecretRepository secrets;
    private final TenantSettingsRepository settings;
    private final TouchpointRawPublisher touchpoints;
    private final ConversionRawPublisher conversions;
    private final IngestConfig config;
    private final Clock clock;

    public IngestService(RawEventRepository rawEvents, TenantSecretRepository secrets,
                         TenantSettingsRepository settings, TouchpointRawPublisher touchpoints,
                         ConversionRawPublisher conversions, IngestConfig config) {
        this.rawEvents = rawEvents;
        this.secrets = secrets;
        this.settings = settings;
        this.touchpoints = touchpoints;
        this.conversions = conversions;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public Uni<IngestResult> acceptTouchpoint(String tenant, TouchpointRequest request, String idempotencyKey) {
        UUID eventId = eventId(tenant, request.eventId(), idempotencyKey);
        return inTenant(tenant, (hasher, tenantSettings) -> {
            TouchpointRaw touch = touchpoint(tenant, eventId, request, hasher, tenantSettings);
            return store(tenant, eventId, "touchpoint", touch.occurredAt(), Json.write(touch),
                    () -> touchpoints.publish(touch));
        });
    }

    public Uni<IngestResult> acceptConversion(String tenant, ConversionRequest request, String idempotencyKey) {
        UUID eventId = eventId(tenant, request.eventId(), idempotencyKey);
        return inTenant(tenant, (hasher, tenantSettings) -> {
            ConversionRaw conversion = conversion(tenant, eventId, request, hasher, tenantSettings);
            return store(tenant, eventId, "conversion", conversion.occurredAt(), Json.write(conversion),
                    () -> conversions.publish(conversion));
        });
    }

    private interface TenantWork {
        Uni<IngestResult> apply(IdentifierHasher hasher, TenantSettingsEntity settings);
    }

    private Uni<IngestResult> inTenant(String tenant, TenantWork work) {
        return Panache.withTransaction(() -> secrets.findOrCreate(tenant)
                .chain(secret -> settings.findOrDefaults(tenant)
                        .chain(found -> work.apply(new IdentifierHasher(secret), found))));
    }

    private Uni<IngestResult> store(String tenant, UUID eventId, String kind, Instant occurredAt, String payload,
                                    Supplier<Uni<Void>> publish) {
        return rawEvents.insertIfAbsent(tenant, eventId, kind, occurredAt, payload)
                .chain(isNew -> isNew
                        ? publish.get().replaceWith(new IngestResult(eventId, IngestResult.ACCEPTED))
                        : Uni.createFrom().item(new IngestResult(eventId, IngestResult.DUPLICATE)));
    }

    private TouchpointRaw touchpoint(String tenant, UUID eventId, TouchpointRequest request, IdentifierHasher hasher,
                                     TenantSettingsEntity tenantSettings) {
        Violations violations = new Violations();
        String type = violations.required("type", request.type());
        if (type != null && !TOUCH_TYPES.contains(type)) {
            violations.add("type", "must be one of " + TOUCH_TYPES);
        }
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), tenantSettings);
        Map<String, String> given = request.clickIds() == null ? Map.of() : request.clickIds();
        given.keySet().stream().filter(name -> !CLICK_IDS.contains(name))
                .forEach(name -> violations.add("clickIds." + name, "unknown click id; known: " + CLICK_IDS));
        // The landing page fills what was not sent separately; values sent separately win.
        boolean readable = request.landingPage() != null && request.landingPage().length() <= MAX_URL_LENGTH;
        LandingPageParameters landing = readable
                ? UtmExtractor.extract(request.landingPage()) : LandingPageParameters.EMPTY;
        Map<String, String> clickIds = new LinkedHashMap<>();
        landing.clickIds().forEach((name, value) -> {
            if (value.length() <= 200) {
                clickIds.put(name, value);
            }
        });
        clickIds.putAll(given);
        IdentifierSet ids = new IdentifierSet(hasher, violations)
                .email(request.email())
                .phone(request.phone(), tenantSettings.phoneRegion)
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId())
                .clickIds(clickIds);
        violations.maxLength("landingPage", request.landingPage(), MAX_URL_LENGTH);
        violations.maxLength("referrer", request.referrer(), MAX_URL_LENGTH);
        Utm utm = utm(request.utm(), landing.utm());
        violations.throwIfAny();
        String channel = request.channel() == null || request.channel().isBlank()
                ? ChannelGrouping.channelOf(utm.source(), utm.medium(), utm.campaign())
                : request.channel().trim().toLowerCase(Locale.ROOT);
        return new TouchpointRaw(tenant, eventId, type, time.instant(), time.sourceZone(), clock.instant(), channel,
                utm, clickIds, request.landingPage(), request.referrer(), ids.identifiers(), ids.exportHashes());
    }

    private ConversionRaw conversion(String tenant, UUID eventId, ConversionRequest request, IdentifierHasher hasher,
                                     TenantSettingsEntity tenantSettings) {
        Violations violations = new Violations();
        String conversionId = violations.required("conversionId", request.conversionId());
        violations.maxLength("conversionId", conversionId, 200);
        String type = violations.required("type", request.type());
        violations.maxLength("type", type, 64);
        String status = request.status() == null ? "completed" : request.status().trim().toLowerCase(Locale.ROOT);
        if (!CONVERSION_STATUSES.contains(status)) {
            violations.add("status", "must be one of " + CONVERSION_STATUSES);
        }
        EventTime time = time(violations, request.occurredAt(), request.timeZone(), tenantSettings);
        Money value = money(violations, request.value());
        IdentifierSet ids = new IdentifierSet(hasher, violations)
                .email(request.email())
                .phone(request.phone(), tenantSettings.phoneRegion)
                .id(IdentifierKind.CRM_CONTACT, "crmContactId", request.crmContactId())
                .id(IdentifierKind.DEVICE, "anonymousId", request.anonymousId());
        violations.throwIfAny();
        return new ConversionRaw(tenant, eventId, conversionId, type.toLowerCase(Locale.ROOT), status, time.instant(),
                time.sourceZone(), clock.instant(), value, request.sourceSystem(), ids.identifiers(),
                ids.exportHashes());
    }

    private EventTime time(Violations violations, String occurredAt, String timeZone,
                           TenantSettingsEntity tenantSettings) {
        String text = violations.required("occurredAt", occurredAt);
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? tenantSettings.timeZone : timeZone);
        } catch (RuntimeException e) {
            violations.add("timeZone", "is not an IANA time zone");
            return null;
        }
        if (text == null) {
            return null;
        }
        try {
            EventTime time = EventTime.parse(text, zone);
            if (time.instant().isAfter(clock.instant().plus(config.futureTolerance()))) {
                violations.add("occurredAt", "is in the future beyond the allowed " + config.futureTolerance());
            }
            return time;
        } catch (IllegalArgumentException e) {
            violations.add("occurredAt", "is not an ISO-8601 date-time");
            return null;
        }
    }

    private static Money money(Violations violations, MoneyFields value) {
        if (value == null) {
            return null;
        }
        if (value.amountMinor() == null) {
            violations.add("value.amountMinor", "is required");
        } else if (value.amountMinor() < 0) {
            violations.add("value.amountMinor", "must not be negative");
        }
        String currency = violations.required("value.currency", value.currency());
        if (currency != null) {
            try {
                currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                violations.add("value.currency", "is not an ISO 4217 currency code");
            }
        }
        return value.amountMinor() == null || currency == null ? null : new Money(value.amountMinor(), currency);
    }

    private static Utm utm(UtmFields fields, UtmParameters fromLandingPage) {
        UtmParameters given = fields == null ? UtmParameters.NONE : UtmNormalizer.normalize(fields.source(),
                fields.medium(), fields.campaign(), fields.term(), fields.content());
        UtmParameters utm = given.orElse(fromLandingPage);
        return new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }

    /** A client's event id, or one derived from its Idempotency-Key (stable per tenant), or a new one. */
    static UUID eventId(String tenant, UUID given, String idempotencyKey) {
        if (given != null) {
            return given;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return UUID.nameUUIDFromBytes((tenant + "\n" + idempotencyKey.trim()).getBytes(StandardCharsets.UTF_8));
        }
        return UUID.randomUUID();
    }
}
