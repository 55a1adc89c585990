package io.closeloop.realistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.Json;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RealisticTenantGeneratorTest {

    private static final RealisticTenant TENANT = RealisticTenantGenerator.generate();

    @Test
    void theSameSeedGivesTheSameRequestsAndTruth() throws Exception {
        RealisticTenant again = RealisticTenantGenerator.generate();
        assertThat(Json.write(again.plan())).isEqualTo(Json.write(TENANT.plan()));
        assertThat(again.truth()).isEqualTo(TENANT.truth());
        assertThat(again.mix()).isEqualTo(TENANT.mix());
        RealisticTenant other = RealisticTenantGenerator.generate(7, RealisticTenantGenerator.DEFAULT_CONTACTS);
        assertThat(Json.write(other.plan())).isNotEqualTo(Json.write(TENANT.plan()));
    }

    @Test
    void theMixHoldsEveryCaseInKnownCounts() {
        Map<String, Integer> mix = TENANT.mix();
        System.out.println("realistic tenant mix (seed " + RealisticTenantGenerator.DEFAULT_SEED + "): " + mix);
        // Fixed by the contact index: 60 % US, 40 % UK; every 20th denied, granted late, revoked.
        assertThat(mix).containsEntry("contacts_us", 180).containsEntry("contacts_uk", 120)
                .containsEntry("consent_denied", 15).containsEntry("consent_granted_late", 15)
                .containsEntry("consent_revoked", 15).containsEntry("consent_granted", 255)
                .containsEntry("forms", 300);
        for (String c : List.of("phone_us_national", "phone_us_international", "phone_uk_national",
                "phone_uk_international", "anonymous_visits_before_form", "shared_devices", "calls_from_known_phone",
                "badge_scans", "visits_utm", "visits_gclid_only", "visits_search_referrer", "visits_direct",
                "visits_device_only_after_form", "visits_shared_device_logged_in", "visits_after_revocation",
                "store_sales_after_revocation", "deals", "deals_won", "deals_lost", "deals_open", "deals_won_then_lost",
                "late_crm_records", "value_corrections", "won_resent_at_close_time", "corrections_in_reverse_order",
                "refunds_partial", "refunds_full", "orders", "store_sales_by_phone", "store_sales_by_email",
                "currency_USD", "currency_GBP", "currency_EUR", "devices_never_identified")) {
            assertThat(mix.get(c)).as(c).isNotNull().isPositive();
        }
        // The counts agree with the requests themselves.
        assertThat(count("/api/v1/forms")).isEqualTo(mix.get("forms"));
        assertThat(count("/api/v1/calls")).isEqualTo(mix.get("calls_from_known_phone"));
        assertThat(count("/api/v1/badge-scans")).isEqualTo(mix.get("badge_scans"));
        assertThat(TENANT.plan().stream().filter(s -> s.path().equals("/api/v1/touchpoints")
                && s.body().containsKey("clickIds")).count()).isEqualTo((long) mix.get("visits_gclid_only"));
        assertThat(TENANT.plan().stream().filter(s -> "GB".equals(s.body().get("phoneRegion"))).count())
                .as("UK numbers in national notation name their region").isPositive();
        assertThat(TENANT.plan().stream().filter(s -> "refund".equals(s.body().get("change"))).count())
                .isEqualTo((long) (mix.get("refunds_partial") + mix.get("refunds_full")));
    }

    @Test
    void requestsAreWellFormedAndLateRecordsComeLast() {
        Set<Object> ids = new HashSet<>();
        boolean lateSeen = false;
        Instant cap = RealisticTenantGenerator.CAP;
        for (RealisticTenant.Send s : TENANT.plan()) {
            assertThat(ids.add(s.body().get("eventId"))).as("unique event id").isTrue();
            assertThat(Instant.parse((String) s.body().get("occurredAt"))).isBefore(cap);
            if (s.late()) {
                lateSeen = true;
                assertThat(s.path()).isEqualTo("/api/v1/crm-stages");
            } else {
                assertThat(lateSeen).as("no on-time record after a late one").isFalse();
            }
        }
        assertThat(lateSeen).isTrue();
        assertThat(TENANT.plan()).extracting(RealisticTenant.Send::index)
                .isEqualTo(java.util.stream.IntStream.range(0, TENANT.plan().size()).boxed().toList());
    }

    @Test
    void theTruthDecidesEveryConversionWithoutDefaults() {
        for (ExpectedRevenue.Model model : ExpectedRevenue.Model.values()) {
            ExpectedRevenue.Expected e = ExpectedRevenue.of(TENANT.truth(), model);
            long total = e.totals().values().stream().mapToLong(Long::longValue).sum();
            long rows = e.rows().values().stream().mapToLong(Long::longValue).sum();
            assertThat(rows).isEqualTo(total);
            assertThat(e.totals().keySet()).containsExactlyInAnyOrder("USD", "GBP", "EUR");
            assertThat(e.byChannel().keySet().stream().map(ExpectedRevenue.Row::channel).collect(Collectors.toSet()))
                    .contains("paid_search", "paid_social", "organic_search", "direct", "email", "phone", "events",
                            "unattributed");
            assertThat(e.baseTotal()).isNotNull();
            System.out.println(model.id + ": " + e.byChannel() + " totals " + e.totals() + " base USD "
                    + e.baseTotal());
        }
    }

    @Test
    void aLargerTenantIsGeneratedToo() {
        RealisticTenant large = RealisticTenantGenerator.generate(1, 2000);
        assertThat(large.mix()).containsEntry("contacts_us", 1200);
        assertThat(ExpectedRevenue.of(large.truth(), ExpectedRevenue.Model.LINEAR).totals()).isNotEmpty();
    }

    private static int count(String path) {
        return (int) TENANT.plan().stream().filter(s -> s.path().equals(path)).count();
    }
}
