package org.mlmdkb.common.error;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending parameter or field. */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  /** One offending input: where it came from ({@code query}, {@code path}, {@code body}…). */
  public record FieldError(String name, String in, String message) {}
}
