package org.mlmdkb.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A paper's editable state: the body of POST, the document a merge patch applies to, and what the
 * history records before and after each change.
 */
public record PaperInput(
    @NotBlank @Size(max = 40) String entryType,
    @NotBlank @Size(max = 1000) String title,
    @JsonProperty("abstract") @Size(max = 20000) String abstractText,
    Integer year,
    String date,
    @Size(max = 500) String venue,
    @Size(max = 50) String volume,
    @Size(max = 50) String number,
    @Size(max = 50) String pages,
    @Size(max = 500) String publisher,
    String doi,
    String arxivId,
    @Size(max = 2000) String url,
    @Size(max = 2000) String codeUrl,
    @Size(max = 500) List<@NotBlank @Size(max = 300) String> authors,
    @Size(max = 50) List<@NotBlank String> tags) {

  public PaperInput {
    authors = authors == null ? List.of() : authors;
    tags = tags == null ? List.of() : tags;
  }
}
