package io.closeloop.reporting.metrics;

/** CSV cells that a spreadsheet never runs as a formula (OWASP CSV injection guidance). */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A text cell starting with = + - @ TAB or CR gets a leading apostrophe; null is an empty cell. Numbers the
     * report computed are written as plain numbers, so a negative ROI stays a number.
     */
    public static String neutralize(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
