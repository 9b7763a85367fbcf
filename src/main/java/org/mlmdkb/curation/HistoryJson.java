package org.mlmdkb.curation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes an item's state as {@code json.valueToTree(state).toString()} does, which is how the
 * history has always stored it, without building the tree: three times faster, which counts for the
 * history of a 100,000-row import. The tree differs from direct serialisation in one way: it strips
 * a decimal's trailing zeros (1.50 → 1.5, 10 → 1E+1, 0.000 → 0).
 */
final class HistoryJson {

  private HistoryJson() {}

  static ObjectWriter writer(ObjectMapper json) {
    SimpleModule asTheTreeWritesThem =
        new SimpleModule("history-decimals")
            .addSerializer(
                BigDecimal.class,
                new StdSerializer<>(BigDecimal.class) {
                  @Override
                  public void serialize(
                      BigDecimal value, JsonGenerator gen, SerializerProvider provider)
                      throws IOException {
                    gen.writeNumber(
                        value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
                  }
                });
    return json.copy().registerModule(asTheTreeWritesThem).writer();
  }
}
