package io.closeloop.ingest.service.request;

/** OpenAPI descriptions shared by the request fields of every kind. */
final class ContactFields {

    static final String PHONE_REGION = "ISO 3166 alpha-2 region the event's phone numbers are read in when they have "
            + "no country code (default: the tenant's phone region). Numbers written with +, 00 or the region's "
            + "international prefix keep their own country. A number that still cannot be read is dropped as an "
            + "identifier and named in the answer's warnings; the event is kept.";
    static final String CHANGE = "What this record changes of the conversion with the same id: absent (a whole "
            + "version: stage, status and value as stated), value_changed (value and currency replaced, the "
            + "conversion keeps its time) or refund (value is the refunded or returned amount, positive; a refund of "
            + "the whole value withdraws the conversion)";
    static final String SOURCE_UPDATED_AT = "ISO-8601 time the source system last updated the record; versions of "
            + "one conversion are ordered by it, then by the order ingest stored them in";

    private ContactFields() {
    }
}
