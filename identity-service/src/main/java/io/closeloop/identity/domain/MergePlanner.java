package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import io.closeloop.contracts.IdentifierRef;
import io.closeloop.contracts.Trust;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides which of the persons an event points to become one, and which merges the trust rules or the
 * over-merge guard hold back. Candidates are taken strongest first; each one is checked against the
 * group merged so far, so the limits hold for the merged person, not only for each pair.
 *
 * <p>A link made only by weak identifiers (device, click id, badge ...) never merges two persons that each
 * hold a strong identifier (email, phone, CRM id); it is not offered for review.
 *
 * <p>The survivor is the person with the strongest verified identifier (CRM contact beats email beats
 * device ...), then the oldest, then the lowest id, so the same persons always merge the same way.
 */
public final class MergePlanner {

    public static final String ASSERTED = "asserted_identifier";
    public static final String SHARED_DEVICE = "shared_device";
    public static final String CRM_CONFLICT = "crm_contact_conflict";
    public static final String MAX_EMAILS = "max_email_keys";
    public static final String WEAK_LINK = "weak_identifier_only";

    private static final Comparator<PersonProfile> SURVIVOR_FIRST = Comparator
            .comparingInt(PersonProfile::strongestVerified)
            .thenComparing(PersonProfile::createdAt)
            .thenComparing(p -> p.personId().toString());

    private MergePlanner() {
    }

    public record Merge(UUID absorbed, String reason) {
    }

    /** A merge that did not happen; {@code review} says whether an admin may still approve it. */
    public record Blocked(UUID otherPerson, String rule, boolean review) {
    }

    public record Plan(UUID survivor, List<Merge> merges, List<Blocked> blocked) {
    }

    /**
     * @param primary        the person of the event's strongest known identifier
     * @param profiles       every person the event points to, primary included
     * @param identifiers    the event's identifiers with the trust they arrived with
     * @param owners         the person each known identifier points to
     * @param devicePersons  how many persons each of the event's device ids has been seen with
     */
    public static Plan plan(UUID primary, Map<UUID, PersonProfile> profiles, List<IdentifierRef> identifiers,
                            Map<IdentifierKey, UUID> owners, Map<String, Integer> devicePersons, GuardLimits limits) {
        List<IdentifierRef> primaryLinks = links(primary, identifiers, owners);
        PersonProfile group = profiles.get(primary);
        List<PersonProfile> members = new ArrayList<>(List.of(group));
        List<String> reasons = new ArrayList<>(List.of(""));
        List<Blocked> blocked = new ArrayList<>();
        List<PersonProfile> others = profiles.values().stream()
                .filter(p -> !p.personId().equals(primary)).sorted(SURVIVOR_FIRST).toList();
        for (PersonProfile other : others) {
            List<IdentifierRef> links = links(other.personId(), identifiers, owners);
            String rule = rule(group, other, primaryLinks, links, devicePersons, limits);
            if (rule == null) {
                members.add(other);
                reasons.add(links.get(0).kind().code());
                group = group.with(other);
            } else {
                blocked.add(new Blocked(other.personId(), rule, !ASSERTED.equals(rule) && !WEAK_LINK.equals(rule)));
            }
        }
        PersonProfile survivor = members.stream().min(SURVIVOR_FIRST).orElseThrow();
        String survivorReason = reasons.get(members.indexOf(survivor));
        List<Merge> merges = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            PersonProfile member = members.get(i);
            if (member != survivor) {
                merges.add(new Merge(member.personId(), i == 0 ? survivorReason : reasons.get(i)));
            }
        }
        return new Plan(survivor.personId(), List.copyOf(merges), List.copyOf(blocked));
    }

    /** The survivor when an admin approves a held-back merge of two persons. */
    public static UUID survivor(PersonProfile a, PersonProfile b) {
        return SURVIVOR_FIRST.compare(a, b) <= 0 ? a.personId() : b.personId();
    }

    private static String rule(PersonProfile group, PersonProfile other, List<IdentifierRef> primaryLinks,
                               List<IdentifierRef> links, Map<String, Integer> devicePersons, GuardLimits limits) {
        boolean asserted = primaryLinks.stream().anyMatch(i -> i.trust() == Trust.ASSERTED)
                || links.stream().anyMatch(i -> i.trust() == Trust.ASSERTED);
        if (asserted && group.holdsVerified() && other.holdsVerified()) {
            return ASSERTED;
        }
        // A device or click id shared by a household links journeys, never two people who each have a name.
        boolean weakOnly = links.stream().noneMatch(i -> IdentifierStrength.strong(i.kind()));
        if (weakOnly && group.holdsStrong() && other.holdsStrong()) {
            return WEAK_LINK;
        }
        boolean onlySharedDevices = links.stream().allMatch(i -> i.kind() == IdentifierKind.DEVICE
                && devicePersons.getOrDefault(i.value(), 0) > limits.maxPersonsPerDevice());
        if (onlySharedDevices) {
            return SHARED_DEVICE;
        }
        if (!group.crmContacts().isEmpty() && !other.crmContacts().isEmpty()
                && !group.crmContacts().equals(other.crmContacts())) {
            return CRM_CONFLICT;
        }
        if (group.with(other).emailKeys().size() > limits.maxEmailKeysPerPerson()) {
            return MAX_EMAILS;
        }
        return null;
    }

    private static List<IdentifierRef> links(UUID person, List<IdentifierRef> identifiers,
                                             Map<IdentifierKey, UUID> owners) {
        return identifiers.stream()
                .filter(i -> person.equals(owners.get(IdentifierKey.of(i))))
                .sorted(Comparator.comparingInt(i -> i.kind().strength()))
                .toList();
    }
}
