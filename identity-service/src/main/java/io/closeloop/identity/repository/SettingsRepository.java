package io.closeloop.identity.repository;

import static io.closeloop.messaging.NativeRows.doubleValue;
import static io.closeloop.messaging.NativeRows.intValue;
import static io.closeloop.messaging.NativeRows.text;

import com.fasterxml.jackson.core.type.TypeReference;
import io.closeloop.contracts.ConsentPurpose;
import io.closeloop.contracts.Json;
import io.closeloop.identity.domain.ConsentRules;
import io.closeloop.identity.domain.GuardLimits;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Tenant settings of identity: guard limits and consent defaults; built-ins while a tenant has none. */
@ApplicationScoped
public class SettingsRepository {

    private static final TypeReference<Map<String, Map<ConsentPurpose, String>>> REGIONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<ConsentPurpose, String>> PURPOSES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> SOURCES = new TypeReference<>() {
    };

    public Uni<GuardLimits> limits(String tenant) {
        return Sql.tuples("select max_email_keys_per_person, max_persons_per_device, match_threshold,"
                        + " anonymous_journey_days, probabilistic_matching from identity_settings where tenant = ?1",
                        tenant)
                .map(rows -> rows.isEmpty() ? GuardLimits.DEFAULTS : new GuardLimits(
                        intValue(rows.get(0), "max_email_keys_per_person"),
                        intValue(rows.get(0), "max_persons_per_device"), doubleValue(rows.get(0), "match_threshold"),
                        rows.get(0).get("anonymous_journey_days") == null
                                ? GuardLimits.DEFAULT_ANONYMOUS_JOURNEY_DAYS
                                : intValue(rows.get(0), "anonymous_journey_days"),
                        Boolean.TRUE.equals(rows.get(0).get("probabilistic_matching"))));
    }

    public Uni<Void> saveLimits(String tenant, GuardLimits limits) {
        return Sql.update("insert into identity_settings (tenant, max_email_keys_per_person, max_persons_per_device,"
                        + " match_threshold, anonymous_journey_days, probabilistic_matching) values (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " on conflict (tenant) do update set"
                        + " max_email_keys_per_person = excluded.max_email_keys_per_person,"
                        + " max_persons_per_device = excluded.max_persons_per_device,"
                        + " match_threshold = excluded.match_threshold,"
                        + " anonymous_journey_days = excluded.anonymous_journey_days,"
                        + " probabilistic_matching = excluded.probabilistic_matching, updated_at = now()",
                tenant, limits.maxEmailKeysPerPerson(), limits.maxPersonsPerDevice(), limits.matchThreshold(),
                limits.anonymousJourneyDays(), limits.probabilisticMatching())
                .replaceWithVoid();
    }

    public Uni<ConsentRules> consentRules(String tenant) {
        return Sql.tuples("select regions::text, server_side::text, server_side_sources::text from consent_defaults"
                        + " where tenant = ?1", tenant)
                .map(rows -> rows.isEmpty() ? ConsentRules.BUILT_IN
                        : new ConsentRules(read(text(rows.get(0), "regions"), REGIONS),
                                read(text(rows.get(0), "server_side"), PURPOSES),
                                rows.get(0).get("server_side_sources") == null ? null
                                        : read(text(rows.get(0), "server_side_sources"), SOURCES)));
    }

    public Uni<Void> saveConsentRules(String tenant, ConsentRules rules) {
        return Sql.update("insert into consent_defaults (tenant, regions, server_side, server_side_sources) values (?1,"
                        + " cast(cast(?2 as text) as jsonb), cast(cast(?3 as text) as jsonb), cast(cast(?4 as text) as jsonb))"
                        + " on conflict (tenant) do update set regions = excluded.regions,"
                        + " server_side = excluded.server_side, server_side_sources = excluded.server_side_sources,"
                        + " updated_at = now()",
                tenant, Json.write(rules.regions()), Json.write(rules.serverSide()),
                Json.write(rules.serverSideSources())).replaceWithVoid();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
