package org.mlmdkb.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;

/**
 * Strong entity tags derived from the JSON representation itself, so anything that changes what a
 * client sees (an edit, a linked result, a restored tag) changes the tag, with no version column to
 * keep in step.
 */
@ApplicationScoped
public class EntityTags {

  private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

  private final ObjectMapper json;

  public EntityTags(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The conditional GET of one representation: 304 when {@code If-None-Match} names its current
   * tag, else 200 with the body; both carry the ETag. Callers may add headers (and set the type of
   * a text body) before building. The body is serialised once: the bytes hashed are the bytes sent.
   */
  public Response.ResponseBuilder conditionalGet(Object body, Request request) {
    byte[] bytes = bytesOf(body);
    EntityTag tag = new EntityTag(ofBytes(bytes));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.tag(tag);
    }
    Response.ResponseBuilder ok = Response.ok(bytes).tag(tag);
    return body instanceof String ? ok : ok.type(JSON_UTF8);
  }

  /**
   * The conditional GET of a rendered document (an SVG image): the tag is over the bytes sent, so
   * anything drawn differently changes it. 304 when {@code If-None-Match} names it.
   */
  public static Response.ResponseBuilder conditionalGet(
      byte[] document, String mediaType, Request request) {
    EntityTag tag = new EntityTag(ofBytes(document));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    return (notModified != null ? notModified : Response.ok(document, mediaType)).tag(tag);
  }

  /** The tag's opaque value, without the quotes that the ETag header adds. */
  public String of(Object representation) {
    return ofBytes(bytesOf(representation));
  }

  /** What is sent for {@code representation}: a text as it is, anything else as JSON. */
  private byte[] bytesOf(Object representation) {
    if (representation instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return json.writeValueAsBytes(representation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a representation", e);
    }
  }

  private static String ofBytes(byte[] representation) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
      // 128 bits are plenty to tell versions of one item apart.
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The write rule: a change to an existing item needs {@code If-Match} (428 without it, so no
   * client overwrites a version it never saw), and the tag must be the current one (412). {@code
   * If-Match: *} only asserts that the item exists; weak tags never match (RFC 9110 strong
   * comparison).
   */
  public static void require(String ifMatch, String currentTag) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(
          ProblemType.PRECONDITION_REQUIRED,
          "This write needs an If-Match header with the item's current ETag (from a GET)",
          List.of(
              new org.mlmdkb.common.error.Problem.FieldError("If-Match", "header", "is required")));
    }
    String quoted = "\"" + currentTag + "\"";
    boolean matches =
        Arrays.stream(ifMatch.split(","))
            .map(String::strip)
            .anyMatch(t -> t.equals("*") || t.equals(quoted));
    if (!matches) {
      throw new ApiException(
          ProblemType.PRECONDITION_FAILED,
          "The item changed since the ETag in If-Match was issued; GET it again and retry",
          List.of(
              new org.mlmdkb.common.error.Problem.FieldError(
                  "If-Match", "header", "does not match the current ETag")));
    }
  }
}
