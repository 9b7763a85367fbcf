package org.mlmdkb.result.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.curation.ImportBodyReader;

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

  /** Streams the body: only the rows read so far are held, never the whole text. */
  static List<ResultRow> csv(Reader text, int maxRows) {
    Reader body = withoutByteOrderMark(text);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<ResultRow> rows = new ArrayList<>();
    RepeatedTexts texts = new RepeatedTexts();
    try (CSVParser parser = CSVParser.parse(body, format)) {
      List<String> columns = parser.getHeaderNames();
      checkColumns(columns);
      Map<String, Integer> columnOf = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        columnOf.put(columns.get(i), i);
      }
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          // Stop reading: the import will be refused for its size anyway.
          rows.add(ResultRow.notAMeasurement(rows.size() + 1, "", "beyond the row limit"));
          break;
        }
        rows.add(row(rows.size() + 1, columns.size(), columnOf, record, texts));
      }
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      ApiException fault = ImportBodyReader.faultIn(e);
      throw fault != null
          ? fault
          : ImportBodies.malformed("is not valid CSV: " + ImportBodies.firstLine(e));
    } catch (IOException e) {
      throw ImportBodyReader.rethrow(e);
    }
    return rows;
  }

  /** Spreadsheets often write a byte-order mark; it is not part of the first column's name. */
  private static Reader withoutByteOrderMark(Reader text) {
    PushbackReader in = new PushbackReader(text, 1);
    try {
      int first = in.read();
      if (first >= 0 && first != '\uFEFF') {
        in.unread(first);
      }
    } catch (IOException e) {
      throw ImportBodyReader.rethrow(e);
    }
    return in;
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

  private static ResultRow row(
      int index, int width, Map<String, Integer> columnOf, CSVRecord record, RepeatedTexts texts) {
    if (record.size() != width) {
      return ResultRow.read(
          index,
          "",
          null,
          List.of(
              new Problem.FieldError(
                  "line " + record.getRecordNumber(),
                  "body",
                  "has " + record.size() + " cells, the header " + width)));
    }
    return ResultFields.read(
        index,
        name -> {
          Integer column = columnOf.get(name);
          return column == null ? null : TextNode.valueOf(record.get(column));
        },
        texts);
  }

  /**
   * Streams the body: one result object at a time is read into a tree, so memory follows the rows
   * kept, not the size of the text.
   */
  static List<ResultRow> json(Reader text, ObjectMapper json, int maxRows) {
    ObjectReader reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    List<ResultRow> rows = new ArrayList<>();
    RepeatedTexts texts = new RepeatedTexts();
    try (JsonParser parser = reader.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        if (parser.nextToken() != JsonToken.FIELD_NAME
            || !parser.currentName().equals("results")
            || parser.nextToken() != JsonToken.START_ARRAY) {
          throw notAList();
        }
        readElements(parser, reader, rows, maxRows, texts);
        if (parser.nextToken() != JsonToken.END_OBJECT) {
          throw notAList();
        }
      } else if (first == JsonToken.START_ARRAY) {
        readElements(parser, reader, rows, maxRows, texts);
      } else {
        throw notAList();
      }
      if (parser.nextToken() != null) {
        throw ImportBodies.malformed("is not valid JSON: trailing content after the results");
      }
    } catch (JsonProcessingException e) {
      throw ImportBodies.malformed("is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ImportBodyReader.rethrow(e);
    }
    return rows;
  }

  private static void readElements(
      JsonParser parser,
      ObjectReader reader,
      List<ResultRow> rows,
      int maxRows,
      RepeatedTexts texts)
      throws IOException {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw ImportBodies.malformed("is not valid JSON: the results array is not closed");
      }
      JsonNode element = reader.readTree(parser);
      int index = rows.size() + 1;
      if (index > maxRows) {
        // Stop reading: the import will be refused for its size anyway.
        rows.add(ResultRow.notAMeasurement(index, "", "beyond the row limit"));
        return;
      }
      rows.add(
          element.isObject()
              ? ResultFields.read(index, element, texts)
              : ResultRow.read(
                  index,
                  "",
                  null,
                  List.of(new Problem.FieldError("result", "body", "is not a JSON object"))));
    }
  }

  private static ApiException notAList() {
    return ImportBodies.malformed(
        "must be a JSON array of results or an object {\"results\": [...]}");
  }
}
