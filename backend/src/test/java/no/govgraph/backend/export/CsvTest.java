package no.govgraph.backend.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+SUM(A1)", "-2", "@cmd", "\tx"})
    void defusesWhatASpreadsheetWouldRun(String value) {
        assertThat(Csv.cell(value, JSON)).startsWith("'" + value.charAt(0));
    }

    @org.junit.jupiter.api.Test
    void quotesSeparators() {
        assertThat(Csv.cell("plain", JSON)).isEqualTo("plain");
        assertThat(Csv.cell("a,b", JSON)).isEqualTo("\"a,b\"");
    }

    @org.junit.jupiter.api.Test
    void doublesQuotes() {
        assertThat(Csv.cell("say \"hi\"", JSON)).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @org.junit.jupiter.api.Test
    void writesNumbersAsNumbersAndListsAsJson() {
        String csv = Csv.of(List.of("n", "l", "x"), List.of(Arrays.asList(-2, List.of(1, 2), null)), JSON);
        assertThat(csv).isEqualTo("n,l,x\r\n-2,\"[1,2]\",\r\n");
    }
}
