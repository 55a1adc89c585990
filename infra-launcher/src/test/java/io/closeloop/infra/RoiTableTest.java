package io.closeloop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoiTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsRevenueSpendAndRoiPerChannelForEachModelWithEmptyRoiWithoutSpend() throws Exception {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("last_touch", JSON.readTree("""
                {"view":"channels","from":"2026-06-30","to":"2026-11-28","model":"last_touch","currency":"USD",
                 "rows":[{"channel":"paid_search","revenueMinor":123456789,"spendMinor":2500000,"roi":48.38},
                         {"channel":"offline","revenueMinor":5000,"spendMinor":0,"roi":null}],
                 "totals":{"revenueMinor":123461789,"spendMinor":2500000,"roi":48.38}}"""));
        reports.put("linear", JSON.readTree("""
                {"view":"channels","currency":"USD",
                 "rows":[{"channel":"paid_search","revenueMinor":100000000,"spendMinor":2500000,"roi":39.0}],
                 "totals":{"revenueMinor":100000000,"spendMinor":2500000,"roi":39.0}}"""));

        String table = render(out -> RoiTable.printRoi(reports, out));

        assertThat(table).contains("in USD").contains("last_touch").contains("linear")
                .containsPattern("paid_search\\s+\\|\\s+1,234,567.89\\s+25,000.00\\s+48.38 \\|\\s+1,000,000.00\\s+"
                        + "25,000.00\\s+39.00")
                .containsPattern("offline\\s+\\|\\s+50.00\\s+0.00\\s+\\|")
                .contains("TOTAL");
    }

    @Test
    void withoutTheChannelsViewShowsRevenuePerChannelAndCurrency() throws Exception {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("last_touch", JSON.readTree("""
                {"rows":[{"channel":"email","campaign":"a","currency":"GBP","revenueMinor":1000},
                         {"channel":"email","campaign":"b","currency":"GBP","revenueMinor":250},
                         {"channel":"direct","campaign":null,"currency":"JPY","revenueMinor":1200}]}"""));
        reports.put("linear", JSON.readTree("""
                {"rows":[{"channel":"email","campaign":"a","currency":"GBP","revenueMinor":700}]}"""));

        String table = render(out -> RoiTable.printRevenueOnly(reports, out));

        assertThat(table).contains("no spend or ROI")
                .containsPattern("email\\s+GBP\\s+12.50\\s+7.00")
                .containsPattern("direct\\s+JPY\\s+1,200\\s*\\n");
    }

    private static String render(java.util.function.Consumer<PrintStream> print) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
