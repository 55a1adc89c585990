package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.identity.repository.PersonDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Remembers the export hashes a stitched event carried against its person: a request may name a person by them,
 * and erasure passes them on. The events themselves are recorded by the stitcher ({@code person_event}).
 */
@ApplicationScoped
public class PersonActivity {

    private final PersonDataRepository persons;

    public PersonActivity(PersonDataRepository persons) {
        this.persons = persons;
    }

    public Uni<Void> touch(TouchpointRaw touch, UUID personId) {
        return persons.recordHashes(touch.tenant(), personId, touch.exportHashes());
    }

    public Uni<Void> conversion(ConversionRaw conversion, UUID personId) {
        return persons.recordHashes(conversion.tenant(), personId, conversion.exportHashes());
    }
}
