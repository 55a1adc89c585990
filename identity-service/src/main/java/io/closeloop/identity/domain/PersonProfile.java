package io.closeloop.identity.domain;

import io.closeloop.contracts.IdentifierKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the merge rules need to know about a person: age, email match keys, CRM contact ids, the
 * strength of its strongest verified identifier ({@link #NONE} without any) and whether it holds any strong
 * identifier (email, phone, CRM id) at all, whatever its trust.
 */
public record PersonProfile(UUID personId, Instant createdAt, Set<String> emailKeys, Set<String> crmContacts,
                            int strongestVerified, boolean holdsStrong) {

    public static final int NONE = Integer.MAX_VALUE;

    public PersonProfile {
        emailKeys = Set.copyOf(emailKeys);
        crmContacts = Set.copyOf(crmContacts);
    }

    /** A person whose strong identifiers are all among those named here. */
    public PersonProfile(UUID personId, Instant createdAt, Set<String> emailKeys, Set<String> crmContacts,
                         int strongestVerified) {
        this(personId, createdAt, emailKeys, crmContacts, strongestVerified, !emailKeys.isEmpty()
                || !crmContacts.isEmpty() || strongestVerified <= IdentifierKind.CALLER.strength());
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
        return new PersonProfile(personId, createdAt, emails, crm, Math.min(strongestVerified, other.strongestVerified),
                holdsStrong || other.holdsStrong);
    }

    /** Builder input: one identifier the person holds. */
    public static int strength(IdentifierKind kind, boolean verified) {
        return verified ? kind.strength() : NONE;
    }
}
