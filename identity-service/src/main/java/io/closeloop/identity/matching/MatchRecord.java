package io.closeloop.identity.matching;

/**
 * One record to compare, as ingest encoded it under one tenant key. Every feature is optional: {@code null}
 * means missing and compares at the null level (weight 0). Records are compared only with records of the
 * same key id (during a key rotation an event carries one record per key).
 *
 * @param id             the caller's id for the record (an event or person id); never compared
 * @param keyId          the tenant key the features were encoded under
 * @param firstNameCode  keyed phonetic code of the first name (blocking only)
 * @param lastNameCode   keyed phonetic code of the last name (blocking only)
 * @param firstNamePrefix keyed first letters of the first name (blocking only)
 * @param lastNamePrefix  keyed first letters of the last name (blocking only)
 * @param postcodeKey    keyed HMAC of the postcode (blocking only)
 * @param companyDomain  keyed HMAC of the registrable company domain
 * @param firstNameSuffix keyed last letters of the first name (blocking only; missing in features sent before
 *                        ingest added it)
 * @param lastNameSuffix  keyed last letters of the last name (blocking only; as above)
 */
public record MatchRecord(String id, String keyId, Encoded firstName, Encoded lastName, Encoded postcode,
                          String companyDomain, String firstNameCode, String lastNameCode, String firstNamePrefix,
                          String lastNamePrefix, String postcodeKey, String firstNameSuffix, String lastNameSuffix) {

    /** A record without name suffixes. */
    public MatchRecord(String id, String keyId, Encoded firstName, Encoded lastName, Encoded postcode,
                       String companyDomain, String firstNameCode, String lastNameCode, String firstNamePrefix,
                       String lastNamePrefix, String postcodeKey) {
        this(id, keyId, firstName, lastName, postcode, companyDomain, firstNameCode, lastNameCode, firstNamePrefix,
                lastNamePrefix, postcodeKey, null, null);
    }
}
