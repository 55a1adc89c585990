package io.closeloop.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MergePlannerTest {

    private static final UUID OLD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant EARLY = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-10-02T00:00:00Z");

    @Test
    void theOlderOfTwoEmailPersonsSurvives() {
        var plan = plan(NEW, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                profile(NEW, LATE, Set.of("e2"), Set.of(), IdentifierKind.EMAIL),
                List.of(email("e2", Trust.VERIFIED), email("e1", Trust.VERIFIED)), Map.of(), GuardLimits.DEFAULTS);
        assertThat(plan.survivor()).isEqualTo(OLD);
        assertThat(plan.merges()).containsExactly(new MergePlanner.Merge(NEW, "email"));
        assertThat(plan.blocked()).isEmpty();
    }

    @Test
    void theStrongestVerifiedIdentifierSurvivesBeforeAge() {
        var plan = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                profile(NEW, LATE, Set.of(), Set.of("c1"), IdentifierKind.CRM_CONTACT),
                List.of(email("e1", Trust.VERIFIED), crm("c1")), Map.of(), GuardLimits.DEFAULTS);
        assertThat(plan.survivor()).isEqualTo(NEW);
        assertThat(plan.merges()).containsExactly(new MergePlanner.Merge(OLD, "crm_contact"));
    }

    @Test
    void anAssertedLinkNeverJoinsTwoVerifiedPersonsAndIsNotOfferedForReview() {
        var plan = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                profile(NEW, LATE, Set.of("e2"), Set.of(), IdentifierKind.EMAIL),
                List.of(email("e1", Trust.ASSERTED), email("e2", Trust.ASSERTED)), Map.of(), GuardLimits.DEFAULTS);
        assertThat(plan.survivor()).isEqualTo(OLD);
        assertThat(plan.merges()).isEmpty();
        assertThat(plan.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.ASSERTED, false));
    }

    @Test
    void anAssertedLinkMayJoinAnAnonymousDeviceToAPerson() {
        var plan = plan(OLD, profile(OLD, LATE, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                new PersonProfile(NEW, EARLY, Set.of(), Set.of(), PersonProfile.NONE),
                List.of(email("e1", Trust.ASSERTED), device("d1")), Map.of("d1", 2), GuardLimits.DEFAULTS);
        assertThat(plan.survivor()).isEqualTo(OLD);
        assertThat(plan.merges()).containsExactly(new MergePlanner.Merge(NEW, "device"));
    }

    @Test
    void theGuardHoldsTooManyEmailsDifferentCrmContactsAndSharedDevicesForReview() {
        PersonProfile three = profile(OLD, EARLY, Set.of("e1", "e2", "e3"), Set.of(), IdentifierKind.EMAIL);
        var emails = plan(OLD, three, profile(NEW, LATE, Set.of("e4"), Set.of(), IdentifierKind.EMAIL),
                List.of(email("e1", Trust.VERIFIED), email("e4", Trust.VERIFIED)), Map.of(), GuardLimits.DEFAULTS);
        assertThat(emails.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.MAX_EMAILS, true));

        var crm = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of("c1"), IdentifierKind.CRM_CONTACT),
                profile(NEW, LATE, Set.of(), Set.of("c2"), IdentifierKind.CRM_CONTACT),
                List.of(email("e1", Trust.VERIFIED), crm("c2")), Map.of(), GuardLimits.DEFAULTS);
        assertThat(crm.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.CRM_CONFLICT, true));

        var shared = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                profile(NEW, LATE, Set.of("e2"), Set.of(), IdentifierKind.EMAIL),
                List.of(email("e1", Trust.VERIFIED), new IdentifierRef(IdentifierKind.DEVICE, "d1", Trust.VERIFIED)),
                Map.of("d1", 4), GuardLimits.DEFAULTS);
        assertThat(shared.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.WEAK_LINK, false));
        assertThat(shared.merges()).isEmpty();

        var crowded = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                new PersonProfile(NEW, LATE, Set.of(), Set.of(), PersonProfile.NONE),
                List.of(email("e1", Trust.VERIFIED), new IdentifierRef(IdentifierKind.DEVICE, "d1", Trust.VERIFIED)),
                Map.of("d1", 4), GuardLimits.DEFAULTS);
        assertThat(crowded.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.SHARED_DEVICE, true));
    }

    @Test
    void aLinkMadeOnlyByWeakIdentifiersNeverMergesTwoNamedPersonsWhateverTheTrust() {
        var devices = plan(OLD, profile(OLD, EARLY, Set.of("e1"), Set.of(), IdentifierKind.EMAIL),
                new PersonProfile(NEW, LATE, Set.of(), Set.of(), PersonProfile.NONE, true),
                List.of(new IdentifierRef(IdentifierKind.DEVICE, "d1", Trust.VERIFIED),
                        new IdentifierRef(IdentifierKind.CLICK_ID, "g1", Trust.VERIFIED)),
                Map.of("d1", 2), GuardLimits.DEFAULTS);
        assertThat(devices.merges()).isEmpty();
        assertThat(devices.blocked()).containsExactly(new MergePlanner.Blocked(NEW, MergePlanner.WEAK_LINK, false));
    }

    private static MergePlanner.Plan plan(UUID primary, PersonProfile a, PersonProfile b, List<IdentifierRef> ids,
                                          Map<String, Integer> devices, GuardLimits limits) {
        Map<IdentifierKey, UUID> owners = new java.util.HashMap<>();
        for (IdentifierRef id : ids) {
            PersonProfile owner = a.emailKeys().contains(id.value()) || a.crmContacts().contains(id.value()) ? a
                    : b.emailKeys().contains(id.value()) || b.crmContacts().contains(id.value()) ? b
                    : a.holdsVerified() ? b : a;
            owners.put(IdentifierKey.of(id), owner.personId());
        }
        return MergePlanner.plan(primary, Map.of(a.personId(), a, b.personId(), b), ids, owners, devices, limits);
    }

    private static PersonProfile profile(UUID id, Instant created, Set<String> emails, Set<String> crm,
                                         IdentifierKind strongest) {
        return new PersonProfile(id, created, emails, crm, strongest.strength());
    }

    private static IdentifierRef email(String value, Trust trust) {
        return new IdentifierRef(IdentifierKind.EMAIL, value, trust);
    }

    private static IdentifierRef crm(String value) {
        return new IdentifierRef(IdentifierKind.CRM_CONTACT, value, Trust.VERIFIED);
    }

    private static IdentifierRef device(String value) {
        return new IdentifierRef(IdentifierKind.DEVICE, value, Trust.ASSERTED);
    }
}
