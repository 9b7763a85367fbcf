package org.mlmdkb.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;

/**
 * One import request as an {@link Importer} reads it: its query parameters, the caller's key name
 * (recorded in the history) and the body, bounded by kb.import.max-bytes ({@code maxBytes}) unless
 * the importer names another limit.
 */
public record ImportRequest(
    UriInfo uri,
    String contentLength,
    InputStream body,
    String keyName,
    long maxBytes,
    ObjectMapper json) {

  /**
   * 400 for any query parameter but {@code allowed} and those every import takes ({@code items},
   * which the import endpoint applies to the report).
   */
  public void allowOnly(Set<String> allowed) {
    QueryParams.allowOnly(uri, QueryParams.union(allowed, ImportReport.Listing.PARAMETERS));
  }

  /** A query parameter's first value, or null. */
  public String parameter(String name) {
    return uri.getQueryParameters().getFirst(name);
  }

  /** A boolean query parameter; absent is false, anything but true or false a 400. */
  public boolean flag(String name) {
    return Boolean.TRUE.equals(QueryParams.bool(name, parameter(name)));
  }

  public ImportBodyReader open() {
    return open(maxBytes);
  }

  /** The body as a bounded UTF-8 stream; a declared length beyond the limit is refused at once. */
  public ImportBodyReader open(long limit) {
    if (contentLength != null
        && contentLength.matches("\\d{1,18}")
        && Long.parseLong(contentLength) > limit) {
      throw ImportBodies.tooLarge(limit);
    }
    return ImportBodyReader.of(body, limit);
  }

  /** The body as one JSON document, decimals kept exact. */
  public JsonNode readJson() {
    ImportBodyReader reader = open();
    try {
      return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(reader);
    } catch (JsonProcessingException e) {
      ApiException fault = ImportBodyReader.faultIn(e);
      throw fault != null
          ? fault
          : ImportBodies.malformed("is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ImportBodyReader.rethrow(e);
    }
  }
}
