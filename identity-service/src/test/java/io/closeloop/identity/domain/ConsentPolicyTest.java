package io.closeloop.identity.domain;

import static io.closeloop.contracts.ConsentSnapshot.DENIED;
import static io.closeloop.contracts.ConsentSnapshot.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.ConsentPurpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");
    private static final Instant NOON = Instant.parse("2026-10-01T12:00:00Z");

    @Test
    void withoutSignalsTheRegionDefaultOrTheServerSideBasisDecides() {
        var eu = ConsentPolicy.decide(List.of(), ConsentRules.BUILT_IN, NOON, "DE", false);
        assertThat(eu.snapshot().allows(ConsentPurpose.MEASUREMENT)).isFalse();
        assertThat(eu.snapshot().basis()).isEqualTo(ConsentPolicy.TENANT_DEFAULT);
        assertThat(eu.reason()).isEqualTo("measurement denied by the tenant default for region EU");
        var us = ConsentPolicy.decide(List.of(), ConsentRules.BUILT_IN, NOON, "US-CA", false);
        assertThat(us.snapshot().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        assertThat(us.snapshot().purposes()).containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, DENIED);
        var unknown = ConsentPolicy.decide(List.of(), ConsentRules.BUILT_IN, NOON, null, false);
        assertThat(unknown.snapshot().allows(ConsentPurpose.MEASUREMENT)).isFalse();
        var server = ConsentPolicy.decide(List.of(), ConsentRules.BUILT_IN, NOON, "DE", true);
        assertThat(server.snapshot().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        assertThat(server.snapshot().basis()).isEqualTo(ConsentDefaults.SERVER_SIDE_DEFAULT);
    }

    @Test
    void theLatestSignalAtOrBeforeTheEventDecides() {
        List<StoredSignal> signals = List.of(signal(A, ConsentPurpose.MEASUREMENT, GRANTED, NINE),
                signal(A, ConsentPurpose.MEASUREMENT, DENIED, NOON));
        assertThat(ConsentPolicy.decide(signals, ConsentRules.BUILT_IN, NOON.minusSeconds(1), "DE", false)
                .snapshot().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        var atNoon = ConsentPolicy.decide(signals, ConsentRules.BUILT_IN, NOON, "US", true);
        assertThat(atNoon.snapshot().allows(ConsentPurpose.MEASUREMENT)).isFalse();
        assertThat(atNoon.snapshot().basis()).isEqualTo(ConsentPolicy.SIGNAL);
        assertThat(atNoon.snapshot().decidedAt()).isEqualTo(NOON);
        assertThat(atNoon.reason()).isEqualTo("measurement denied by a consent_mode signal of 2026-10-01T12:00:00Z");
        assertThat(ConsentPolicy.withdrawn(signals, NOON)).isTrue();
        assertThat(ConsentPolicy.withdrawn(signals, NINE)).isFalse();
    }

    @Test
    void mergedPersonsTakeTheMostRestrictiveLatestSignalPerPurpose() {
        List<StoredSignal> signals = List.of(signal(A, ConsentPurpose.AD_STORAGE, GRANTED, NOON),
                signal(B, ConsentPurpose.AD_STORAGE, DENIED, NINE),
                signal(A, ConsentPurpose.SALE_SHARE_OPT_OUT, DENIED, NINE),
                signal(B, ConsentPurpose.SALE_SHARE_OPT_OUT, GRANTED, NINE));
        var merged = ConsentPolicy.decide(signals, ConsentRules.BUILT_IN, NOON, "US", true).snapshot();
        assertThat(merged.purposes()).containsEntry(ConsentPurpose.AD_STORAGE, DENIED)
                .containsEntry(ConsentPurpose.SALE_SHARE_OPT_OUT, GRANTED)
                .containsEntry(ConsentPurpose.MEASUREMENT, GRANTED);
    }

    @Test
    void gpcMeansOptedOutOfSaleAndSharing() {
        assertThat(ConsentPolicy.normalize("gpc", Map.of()))
                .containsExactly(Map.entry(ConsentPurpose.SALE_SHARE_OPT_OUT, GRANTED));
        assertThat(ConsentPolicy.normalize("consent_mode", Map.of(ConsentPurpose.AD_STORAGE, "maybe"))).isEmpty();
    }

    @Test
    void aMergedMemberWithoutASignalContributesItsDefaultSoAnotherMembersGrantDoesNotSpeakForIt() {
        List<StoredSignal> signals = List.of(signal(A, ConsentPurpose.MEASUREMENT, GRANTED, NINE),
                signal(A, ConsentPurpose.AD_STORAGE, GRANTED, NINE));
        var merged = ConsentPolicy.decide(signals, List.of(A, B), ConsentRules.BUILT_IN, NOON, "DE", false);
        assertThat(merged.snapshot().purposes()).containsEntry(ConsentPurpose.MEASUREMENT, DENIED)
                .containsEntry(ConsentPurpose.AD_STORAGE, DENIED);
        assertThat(merged.snapshot().basis()).isEqualTo(ConsentPolicy.TENANT_DEFAULT);

        var us = ConsentPolicy.decide(signals, List.of(A, B), ConsentRules.BUILT_IN, NOON, "US", false);
        assertThat(us.snapshot().allows(ConsentPurpose.MEASUREMENT)).isTrue();
        assertThat(us.snapshot().basis()).isEqualTo(ConsentPolicy.SIGNAL);

        var alone = ConsentPolicy.decide(signals, List.of(A), ConsentRules.BUILT_IN, NOON, "DE", false);
        assertThat(alone.snapshot().allows(ConsentPurpose.MEASUREMENT)).isTrue();
    }

    @Test
    void onlyTheListedSourcesRestOnTheServerSideBasis() {
        ConsentRules listed = new ConsentRules(ConsentRules.BUILT_IN.regions(), ConsentRules.BUILT_IN.serverSide(),
                List.of("crm-sync", "pos"));
        assertThat(listed.serverSideSource("crm-sync", null, true)).isTrue();
        assertThat(listed.serverSideSource("web-proxy", "pos", true)).isTrue();
        assertThat(listed.serverSideSource("web-proxy", null, true)).isFalse();
        assertThat(ConsentRules.BUILT_IN.serverSideSource("web-proxy", null, true)).isTrue();
        assertThat(ConsentRules.BUILT_IN.serverSideSource(null, null, false)).isFalse();
    }

    private static StoredSignal signal(UUID person, ConsentPurpose purpose, String state, Instant at) {
        return new StoredSignal(person, purpose, state, "consent_mode", "DE", at);
    }
}
