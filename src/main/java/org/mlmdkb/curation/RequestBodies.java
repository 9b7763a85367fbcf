package org.mlmdkb.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;

/** Checks shared by every write endpoint's request body. */
public final class RequestBodies {

  private RequestBodies() {}

  /** A merge-patch body: must be a JSON object (malformed JSON is mapped to 400 upstream). */
  public static JsonNode patchObject(ObjectMapper json, String body) throws IOException {
    JsonNode patch = body == null || body.isBlank() ? null : json.readTree(body);
    if (patch == null || !patch.isObject()) {
      throw notAnObject();
    }
    return patch;
  }

  /** A JSON body bound to a record: JSON {@code null} or no body at all is a 400. */
  public static <T> T required(T body) {
    if (body == null) {
      throw notAnObject();
    }
    return body;
  }

  /** The 400 for an absent or non-object body. */
  public static ApiException notAnObject() {
    return new ApiException(
        400,
        "malformed-body",
        "Malformed request body",
        "The request body must be a JSON object",
        List.of(new Problem.FieldError("body", "body", "must be a JSON object")));
  }
}
