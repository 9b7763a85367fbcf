package org.mlmdkb.result;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.metric.Unit;

/** Parsers for the query parameters the benchmark endpoints share. */
final class BenchmarkParams {

  static final List<String> STATUSES = List.of("reported", "reproduced", "disputed");
  static final List<String> BASES = List.of("per-atom", "per-structure", "none");

  private static final Pattern ASCII_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern ASCII_DECIMAL =
      Pattern.compile("[-+]?([0-9]{1,40}(\\.[0-9]{0,40})?|\\.[0-9]{1,40})([eE][-+]?[0-9]{1,3})?");

  private BenchmarkParams() {}

  static Unit unit(String value) {
    String text = QueryParams.text("unit", value);
    if (text == null) {
      return null;
    }
    Unit.Reading reading = Unit.read(text);
    if (reading.unit() == null) {
      throw ApiException.badParameter(
          "unit",
          "is not a unit, was '"
              + QueryParams.shorten(text)
              + "': it "
              + reading.problem()
              + "; a unit is a product or quotient of "
              + Unit.symbols()
              + ", e.g. "
              + Unit.commonCodes());
    }
    return reading.unit();
  }

  static LocalDate date(String name, String value) {
    // Read as written: no blanks trimmed, no NUL dropped, ASCII digits only (java.time would take
    // other scripts' digits), so what the board answers for is what the client sent.
    LocalDate date = asWritten(name, value, ASCII_DATE, "a date YYYY-MM-DD", LocalDate::parse);
    if (date != null && (date.getYear() < 1900 || date.getYear() > 2999)) {
      throw ApiException.badParameter(name, "must be a date between 1900 and 2999");
    }
    return date;
  }

  static BigDecimal decimal(String name, String value) {
    // As for dates: as written, ASCII digits only (BigDecimal takes fullwidth and other digits),
    // and an exponent of at most three digits.
    return asWritten(name, value, ASCII_DECIMAL, "a number", BigDecimal::new);
  }

  /**
   * {@code value} parsed exactly as written, null when absent or empty; a 400 saying it "must be
   * {@code expected}" when it does not have the ASCII {@code form} or {@code parse} refuses it.
   */
  private static <T> T asWritten(
      String name, String value, Pattern form, String expected, Function<String, T> parse) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (form.matcher(value).matches()) {
      try {
        return parse.apply(value);
      } catch (DateTimeParseException | NumberFormatException e) {
        // answered below, as a value of the wrong form
      }
    }
    throw ApiException.badParameter(
        name, "must be " + expected + ", was '" + QueryParams.shorten(value) + "'");
  }

  static Integer positive(String name, String value) {
    Integer n = QueryParams.integer(name, value);
    if (n != null && n < 1) {
      throw ApiException.badParameter(name, "must be a positive integer, was " + n);
    }
    return n;
  }

  /**
   * CSV when {@code format=csv}, or when the Accept header prefers text/csv to JSON; JSON
   * otherwise.
   */
  static boolean wantsCsv(String format, HttpHeaders headers) {
    String f = QueryParams.oneOf("format", format, List.of("json", "csv"));
    if (f != null) {
      return f.equals("csv");
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.valueOf("text/csv")) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
