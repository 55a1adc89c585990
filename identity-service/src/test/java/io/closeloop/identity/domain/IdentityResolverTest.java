package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    private static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final IdentifierRef EMAIL = new IdentifierRef(IdentifierKind.EMAIL, "mk-a", Trust.VERIFIED);
    private static final IdentifierRef DEVICE = new IdentifierRef(IdentifierKind.DEVICE, "dev-1", Trust.VERIFIED);
    private static final IdentifierRef CRM = new IdentifierRef(IdentifierKind.CRM_CONTACT, "c-1", Trust.VERIFIED);

    @Test
    void unknownIdentifiersCreateOnePersonOwningAllOfThem() {
        var decision = IdentityResolver.resolve(List.of(DEVICE, EMAIL, DEVICE), Map.of(), () -> NEW);
        assertThat(decision.personId()).isEqualTo(NEW);
        assertThat(decision.newPerson()).isTrue();
        assertThat(decision.toAttach()).containsExactly(EMAIL, DEVICE);
        assertThat(decision.otherPersons()).isEmpty();
    }

    @Test
    void aKnownIdentifierBringsTheEventToItsPersonAndAttachesTheNewOnes() {
        var decision = IdentityResolver.resolve(List.of(DEVICE, EMAIL),
                Map.of(IdentifierKey.of(EMAIL), ALICE), () -> NEW);
        assertThat(decision.personId()).isEqualTo(ALICE);
        assertThat(decision.newPerson()).isFalse();
        assertThat(decision.toAttach()).containsExactly(DEVICE);
    }

    @Test
    void theStrongestKnownIdentifierWinsAndTheOtherPersonIsAMergeCandidate() {
        var decision = IdentityResolver.resolve(List.of(DEVICE, EMAIL, CRM),
                Map.of(IdentifierKey.of(DEVICE), BOB, IdentifierKey.of(CRM), ALICE), () -> NEW);
        assertThat(decision.personId()).isEqualTo(ALICE);
        assertThat(decision.toAttach()).containsExactly(EMAIL);
        assertThat(decision.otherPersons()).containsExactly(BOB);
    }

    @Test
    void anEventWithoutIdentifiersIsAOneEventPerson() {
        var decision = IdentityResolver.resolve(List.of(), Map.of(), () -> NEW);
        assertThat(decision.personId()).isEqualTo(NEW);
        assertThat(decision.toAttach()).isEmpty();
    }

    @Test
    void aNewEmailWithADeviceOfAnotherNamedPersonIsANewPersonAndTheDeviceStaysWhereItIs() {
        IdentifierRef other = new IdentifierRef(IdentifierKind.EMAIL, "mk-b", Trust.VERIFIED);
        var decision = IdentityResolver.resolve(List.of(other, DEVICE), Map.of(IdentifierKey.of(DEVICE), ALICE),
                java.util.Set.of(ALICE), () -> NEW);
        assertThat(decision.personId()).isEqualTo(NEW);
        assertThat(decision.newPerson()).isTrue();
        assertThat(decision.toAttach()).containsExactly(other);
        assertThat(decision.otherPersons()).isEmpty();
    }

    @Test
    void aNewEmailWithADeviceOfAnAnonymousPersonJoinsThatJourney() {
        var decision = IdentityResolver.resolve(List.of(EMAIL, DEVICE), Map.of(IdentifierKey.of(DEVICE), BOB),
                java.util.Set.of(), () -> NEW);
        assertThat(decision.personId()).isEqualTo(BOB);
        assertThat(decision.toAttach()).containsExactly(EMAIL);
    }
}
