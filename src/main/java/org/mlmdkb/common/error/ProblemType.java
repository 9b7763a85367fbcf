package org.mlmdkb.common.error;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every kind of problem the API answers with, listed once: its type URN's slug, its title and the
 * statuses it comes with. openapi.yaml lists the same types (ProblemTypeCatalogueTest keeps them in
 * step); clients match on the URN, so a slug or title never changes once shipped.
 */
public enum ProblemType {
  // 400: the request itself is wrong
  BAD_REQUEST("bad-request", "Bad Request", 400),
  INVALID_PARAMETER("invalid-parameter", "Invalid parameter", 400),
  UNKNOWN_PARAMETER("unknown-parameter", "Unknown parameter", 400),
  MALFORMED_URI("malformed-uri", "Malformed request target", 400),
  MALFORMED_ESCAPE("malformed-escape", "Malformed percent-escape", 400),
  MALFORMED_BODY("malformed-body", "Malformed request body", 400),
  INVALID_BODY("invalid-body", "Invalid request body", 400),
  INVALID_IDENTIFIER("invalid-identifier", "Invalid identifier", 400),
  INCOMPATIBLE_UNITS("incompatible-units", "Incompatible units", 400),
  INCOMPATIBLE_FINGERPRINTS("incompatible-fingerprints", "Incompatible fingerprints", 400),
  // 422 for a body's fields, 400 for query parameters checked by Bean Validation
  VALIDATION_FAILED("validation-failed", "Validation failed", 422, 400),
  NO_ENTRIES("no-entries", "No entries", 422),
  IMPORT_REJECTED("import-rejected", "Import rejected", 422),
  // 401, 403: who is asking
  UNAUTHORIZED("unauthorized", "Unauthorized", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  // 404: nothing there
  NOT_FOUND("not-found", "Not Found", 404),
  IDENTIFIER_NOT_FOUND("identifier-not-found", "Identifier not found", 404),
  NO_RESULTS("no-results", "No results", 404),
  // 405, 406, 415: HTTP mechanics answered by the JAX-RS runtime
  METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not Acceptable", 406),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", 415),
  // 409: the stored state forbids the change
  CONFLICT("conflict", "Conflict", 409),
  NOT_DELETED("not-deleted", "Not deleted", 409),
  RESTORE_CONFLICT("restore-conflict", "Cannot restore", 409),
  PARENT_DELETED("parent-deleted", "Parent deleted", 409),
  PAPER_IN_USE("paper-in-use", "Paper in use", 409),
  METHOD_IN_USE("method-in-use", "Method in use", 409),
  DATASET_IN_USE("dataset-in-use", "Dataset in use", 409),
  TAG_IN_USE("tag-in-use", "Tag in use", 409),
  METRIC_IN_USE("metric-in-use", "Metric in use", 409),
  RESULTS_OUTSIDE_RULES("results-outside-rules", "Results outside the new rules", 409),
  // 412, 428: optimistic concurrency (If-Match)
  PRECONDITION_FAILED("precondition-failed", "Precondition Failed", 412),
  PRECONDITION_REQUIRED("precondition-required", "Precondition Required", 428),
  // 413, 414: size limits
  BODY_TOO_LARGE("body-too-large", "Content Too Large", 413),
  LENGTH_REQUIRED("length-required", "Length Required", 411),
  CONTENT_TOO_LARGE("content-too-large", "Content Too Large", 413),
  URI_TOO_LONG("uri-too-long", "URI Too Long", 414),
  // 429: rate limits (with Retry-After)
  TOO_MANY_REQUESTS("too-many-requests", "Too Many Requests", 429),
  TOO_MANY_FAILED_AUTHENTICATIONS(
      "too-many-failed-authentications", "Too many failed authentications", 429),
  // 5xx: the server or what it depends on
  INTERNAL_SERVER_ERROR("internal-server-error", "Internal Server Error", 500),
  UPSTREAM_ERROR("upstream-error", "Upstream error", 502),
  DATABASE_UNAVAILABLE("database-unavailable", "Database unavailable", 503),
  SEARCH_UNAVAILABLE("search-unavailable", "Search unavailable", 503),
  UPSTREAM_UNAVAILABLE("upstream-unavailable", "Upstream unavailable", 503),
  IMPORTS_BUSY("imports-busy", "Too many imports", 503),
  CONCURRENT_WRITES("concurrent-writes", "Too many concurrent writes", 503);

  // A URN: stable and unique without pretending to be a page someone can open.
  public static final String URN_PREFIX = "urn:mlmd-kb:problem:";

  /** The types a bare HTTP status maps to (reason phrase as title), see {@link #forStatus}. */
  private static final List<ProblemType> BARE_STATUSES =
      List.of(
          BAD_REQUEST,
          UNAUTHORIZED,
          FORBIDDEN,
          NOT_FOUND,
          METHOD_NOT_ALLOWED,
          NOT_ACCEPTABLE,
          UNSUPPORTED_MEDIA_TYPE,
          PRECONDITION_FAILED,
          PRECONDITION_REQUIRED,
          CONTENT_TOO_LARGE,
          URI_TOO_LONG,
          TOO_MANY_REQUESTS,
          INTERNAL_SERVER_ERROR);

  private final String slug;
  private final String title;
  private final int status;
  private final List<Integer> statuses;

  ProblemType(String slug, String title, int status, Integer... otherStatuses) {
    this.slug = slug;
    this.title = title;
    this.status = status;
    this.statuses = Stream.concat(Stream.of(status), Arrays.stream(otherStatuses)).toList();
  }

  public String slug() {
    return slug;
  }

  /** The problem's {@code type}: {@code urn:mlmd-kb:problem:<slug>}. */
  public String uri() {
    return URN_PREFIX + slug;
  }

  public String title() {
    return title;
  }

  /** The status it usually comes with. */
  public int status() {
    return status;
  }

  /** Every status it may come with, the usual one first. */
  public List<Integer> statuses() {
    return statuses;
  }

  /**
   * The type for a bare HTTP status (one the JAX-RS runtime or a filter raises without saying
   * more): the entry titled by the status's reason phrase. A status no code path raises has no
   * entry of its own and falls back to the generic 400 or 500 type, so every answer stays within
   * the catalogue.
   */
  public static ProblemType forStatus(int status) {
    return bareStatus(status).orElse(status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST);
  }

  static Optional<ProblemType> bareStatus(int status) {
    return BARE_STATUSES.stream().filter(t -> t.status == status).findFirst();
  }
}
