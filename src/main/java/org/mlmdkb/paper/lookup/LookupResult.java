package org.mlmdkb.paper.lookup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The answer of a lookup: what happened, where the metadata came from, and the paper ({@code
 * PaperDetail} when it is in the corpus, the {@code PaperInput} that would be stored for a
 * preview).
 */
public record LookupResult(Status status, Source source, Object paper) {

  public enum Status {
    CREATED,
    EXISTING,
    PREVIEW;

    @JsonValue
    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Source {
    CORPUS,
    CROSSREF,
    ARXIV;

    @JsonValue
    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
