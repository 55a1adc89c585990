package io.closeloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void rawKeyUsesTheStrongestIdentifier() {
        List<IdentifierRef> ids = List.of(
                new IdentifierRef(IdentifierKind.DEVICE, "dev-1", Trust.ASSERTED),
                new IdentifierRef(IdentifierKind.EMAIL, "mk-email", Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.CLICK_ID, "gclid-1", Trust.ASSERTED));
        assertThat(Keys.raw("acme", ids, EVENT)).isEqualTo("acme:email:mk-email");
    }

    @Test
    void crmIdBeatsEmail() {
        List<IdentifierRef> ids = List.of(
                new IdentifierRef(IdentifierKind.EMAIL, "mk-email", Trust.VERIFIED),
                new IdentifierRef(IdentifierKind.CRM_CONTACT, "c-9", Trust.VERIFIED));
        assertThat(Keys.raw("acme", ids, EVENT)).isEqualTo("acme:crm_contact:c-9");
    }

    @Test
    void withoutIdentifiersTheEventIdKeepsKeysSpread() {
        assertThat(Keys.raw("acme", List.of(), EVENT)).isEqualTo("acme:" + EVENT);
        assertThat(Keys.raw("acme", null, EVENT)).isEqualTo("acme:" + EVENT);
    }

    @Test
    void everyTopicHasItsDeadLetterCompanion() {
        assertThat(Topics.all()).allSatisfy(t -> assertThat(t.deadLetterTopic()).isEqualTo(t.name() + ".dlq"));
        assertThat(Topics.TENANTS.cleanupPolicy()).isEqualTo(TopicSpec.CleanupPolicy.COMPACT);
    }
}
