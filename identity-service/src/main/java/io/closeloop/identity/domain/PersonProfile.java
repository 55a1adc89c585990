package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the merge rules need to know about a person: age, email match keys, CRM contact ids, and the
 * strength of its strongest verified identifier ({@link #NONE} without any).
 */
public record PersonProfile(UUID personId, Instant createdAt, Set<String> emailKeys, Set<String> crmContacts,
                            int strongestVerified) {

    public static final int NONE = Integer.MAX_VALUE;

    public PersonProfile {
        emailKeys = Set.copyOf(emailKeys);
        crmContacts = Set.copyOf(crmContacts);
    }

    public boolean holdsVerified() {
        return strongestVerified != NONE;
    }

    /** This person's profile once {@code other} is merged into it. */
    public PersonProfile with(PersonProfile other) {
        Set<String> emails = new HashSet<>(emailKeys);
        emails.addAll(other.emailKeys);
        Set<String> crm = new HashSet<>(crmContacts);
        crm.addAll(other.crmContacts);
        return new PersonProfile(personId, createdAt, emails, crm, Math.min(strongestVerified, other.strongestVerified));
    }

    /** Builder input: one identifier the person holds. */
    public static int strength(IdentifierKind kind, boolean verified) {
        return verified ? kind.strength() : NONE;
    }
}
