package io.closeloop.contracts;

/** What a conversion record changes of an earlier record with the same conversion id ({@code change}, schema 3). */
public final class ConversionChange {

    /** The value (and currency) are replaced; the conversion keeps its time, type and status. */
    public static final String VALUE_CHANGED = "value_changed";
    /** {@code value} was refunded or returned: a partial refund lowers the value, a full one withdraws. */
    public static final String REFUND = "refund";

    private ConversionChange() {
    }
}
