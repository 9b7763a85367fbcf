package org.mlmdkb.curation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/** Checks shared by every write endpoint's request body. */
public final class RequestBodies {

  private RequestBodies() {}

  /** A merge-patch body: must be a JSON object (malformed JSON is mapped to 400 upstream). */
  public static JsonNode patchObject(ObjectMapper json, String body) throws IOException {
    // Decimals as BigDecimal: a patched benchmark value must not pass through a double.
    JsonNode patch =
        body == null || body.isBlank()
            ? null
            : json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
    if (patch == null || !patch.isObject()) {
      throw notAnObject();
    }
    return patch;
  }

  /** A JSON object body bound to {@code type}; anything else is a 400 naming the body. */
  public static <T> T object(ObjectMapper json, String body, Class<T> type) throws IOException {
    patchObject(json, body); // the shape check; bound from the text so decimals stay exact
    return json.readValue(body, type);
  }

  /** The 400 for an absent or non-object body. */
  public static ApiException notAnObject() {
    return new ApiException(
        ProblemType.MALFORMED_BODY,
        "The request body must be a JSON object",
        List.of(new Problem.FieldError("body", "body", "must be a JSON object")));
  }
}
