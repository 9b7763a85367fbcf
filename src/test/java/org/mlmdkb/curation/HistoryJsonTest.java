package org.mlmdkb.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.result.ResultInput;

class HistoryJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @ParameterizedTest
  @ValueSource(strings = {"1.50", "10", "100.0", "0.000", "-0.0", "1E+3", "2.5E-7", "-3.1400"})
  void bulkHistoryWritesAStateAsItsTreeDoes(String number) throws Exception {
    BigDecimal value = new BigDecimal(number);
    ResultInput state =
        new ResultInput(
            "painn",
            null,
            "3bpa",
            "test-600k",
            "energy-forces",
            "forces",
            "MAE",
            value,
            "meV/Å",
            "per-atom",
            500,
            "split \"a\"",
            value,
            3,
            value,
            null,
            "reported",
            "2024-01-02",
            7L,
            null,
            "https://example.org",
            "r.csv",
            null,
            "row 1");

    assertEquals(
        JSON.valueToTree(state).toString(), HistoryJson.writer(JSON).writeValueAsString(state));
  }
}
