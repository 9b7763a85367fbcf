package org.mlmdkb.result.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.ImportBodies;

/**
 * Reads results given one per CSV row (a header row names the columns, {@link ResultFields#NAMES})
 * or as a JSON array of result objects, bare or as {@code {"results": [...]}}. A body that cannot
 * be read as a whole is a 400; a row that cannot be read is rejected on its own.
 */
final class ResultTableReader {

  /** Without these columns no row of a CSV could be a result. */
  static final List<String> REQUIRED_COLUMNS =
      List.of("method", "dataset", "task", "target", "metric", "value", "unit", "basis");

  private ResultTableReader() {}

  static List<ResultRow> csv(String text) {
    // Spreadsheets often write a byte-order mark; it is not part of the first column's name.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<ResultRow> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(body, format)) {
      List<String> columns = parser.getHeaderNames();
      checkColumns(columns);
      for (CSVRecord record : parser) {
        rows.add(row(rows.size() + 1, columns, record));
      }
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw ImportBodies.malformed("is not valid CSV: " + ImportBodies.firstLine(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
    return rows;
  }

  private static void checkColumns(List<String> columns) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String column : columns) {
      if (!ResultFields.NAMES.contains(column)) {
        errors.add(new Problem.FieldError(column, "body", "is not a result column"));
      }
    }
    for (String required : REQUIRED_COLUMNS) {
      if (!columns.contains(required)) {
        errors.add(new Problem.FieldError(required, "body", "is a required column"));
      }
    }
    if (!errors.isEmpty()) {
      throw ImportBodies.malformed(
          "The CSV header must name result columns only, including " + REQUIRED_COLUMNS, errors);
    }
  }

  private static ResultRow row(int index, List<String> columns, CSVRecord record) {
    if (record.size() != columns.size()) {
      return ResultRow.read(
          index,
          "",
          null,
          List.of(
              new Problem.FieldError(
                  "line " + record.getRecordNumber(),
                  "body",
                  "has " + record.size() + " cells, the header " + columns.size())));
    }
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < columns.size(); i++) {
      fields.put(columns.get(i), record.get(i));
    }
    return ResultFields.read(index, fields);
  }

  static List<ResultRow> json(String text, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
    } catch (JsonProcessingException e) {
      throw ImportBodies.malformed("is not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode list = root;
    if (root != null && root.isObject() && root.size() == 1 && root.has("results")) {
      list = root.get("results");
    }
    if (list == null || !list.isArray()) {
      throw ImportBodies.malformed(
          "must be a JSON array of results or an object {\"results\": [...]}");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      JsonNode element = it.next();
      int index = rows.size() + 1;
      rows.add(
          element.isObject()
              ? ResultFields.read(index, element)
              : ResultRow.read(
                  index,
                  "",
                  null,
                  List.of(new Problem.FieldError("result", "body", "is not a JSON object"))));
    }
    return rows;
  }
}
