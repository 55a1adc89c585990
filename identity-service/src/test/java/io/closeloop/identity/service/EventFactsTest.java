package io.closeloop.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import io.closeloop.identity.domain.ConsentRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFactsTest {

    @Test
    void aCallerNumberIsAPhone() {
        EventFacts call = facts(List.of(new IdentifierRef(IdentifierKind.CALLER, "mk-p", Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.PHONE, "mk-p", Trust.ASSERTED)), Map.of());
        assertThat(call.identifiers()).containsExactly(new IdentifierRef(IdentifierKind.PHONE, "mk-p", Trust.VERIFIED));
        assertThat(call.anonymousTouch()).isFalse();
    }

    @Test
    void aTouchWithOnlyWeakIdentifiersIsAnonymous() {
        EventFacts visit = facts(List.of(new IdentifierRef(IdentifierKind.DEVICE, "d", Trust.ASSERTED),
                new IdentifierRef(IdentifierKind.CLICK_ID, "g", Trust.ASSERTED)), Map.of());
        assertThat(visit.anonymousTouch()).isTrue();
        assertThat(facts(List.of(), Map.of()).anonymousTouch()).isFalse();
    }

    @Test
    void theServerSideBasisFollowsTheSourceNotTheTransport() {
        ConsentRules rules = new ConsentRules(ConsentRules.BUILT_IN.regions(), ConsentRules.BUILT_IN.serverSide(),
                List.of("crm-sync"));
        List<IdentifierRef> email = List.of(new IdentifierRef(IdentifierKind.EMAIL, "mk", Trust.VERIFIED));
        assertThat(facts(email, Map.of("source_client", "web-proxy")).serverSide(rules)).isFalse();
        assertThat(facts(email, Map.of("source_client", "crm-sync")).serverSide(rules)).isTrue();
        assertThat(facts(email, Map.of("source_system", "crm-sync")).serverSide(rules)).isTrue();
        assertThat(facts(email, Map.of()).serverSide(ConsentRules.BUILT_IN)).isTrue();
    }

    private static EventFacts facts(List<IdentifierRef> ids, Map<String, String> attributes) {
        return new EventFacts("t", UUID.randomUUID(), EventFacts.TOUCH, Instant.EPOCH, "web", ids, attributes, null,
                null, null, null);
    }
}
