package io.closeloop.reporting.rest.dashboard;

import java.util.List;

/**
 * RFC 4180 text: a header row, CRLF line ends, a cell quoted when it holds a comma, quote or line break. A cell
 * that a spreadsheet would run as a formula (starting with = + - @ TAB or CR) gets a leading apostrophe (OWASP
 * CSV injection), so a campaign name is never executed; numbers are written by the caller and stay as they are.
 */
final class CsvTable {

    private final StringBuilder text = new StringBuilder();

    CsvTable(List<String> header) {
        row(header);
    }

    CsvTable row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (!(value instanceof Number) && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
