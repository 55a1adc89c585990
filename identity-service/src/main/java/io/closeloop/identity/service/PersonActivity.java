package io.closeloop.identity.service;

import io.closeloop.contracts.ConversionRaw;
import io.closeloop.contracts.TouchpointRaw;
import io.closeloop.identity.repository.PersonDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Remembers each stitched event and the export hashes it carried against its person: the journeys' event ids
 * for access exports, the last activity for retention, and the hashes a request may name a person by.
 */
@ApplicationScoped
public class PersonActivity {

    static final String TOUCHPOINT = "touchpoint";
    static final String CONVERSION = "conversion";

    private final PersonDataRepository persons;

    public PersonActivity(PersonDataRepository persons) {
        this.persons = persons;
    }

    public Uni<Void> touch(TouchpointRaw touch, UUID personId, double confidence) {
        return persons.recordEvent(touch.tenant(), personId, touch.eventId(), TOUCHPOINT, touch.occurredAt(),
                        touch.channel(), null, null, confidence)
                .chain(() -> persons.recordHashes(touch.tenant(), personId, touch.exportHashes()));
    }

    public Uni<Void> conversion(ConversionRaw conversion, UUID personId, double confidence) {
        return persons.recordEvent(conversion.tenant(), personId, conversion.eventId(), CONVERSION,
                        conversion.occurredAt(), null, conversion.conversionId(), conversion.conversionType(),
                        confidence)
                .chain(() -> persons.recordHashes(conversion.tenant(), personId, conversion.exportHashes()));
    }
}
