package org.mlmdkb.method;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A method's editable state: the body of POST and PUT, the document a merge patch applies to, and
 * what the history records before and after each change. Sources (method_source) are the seed's
 * provenance and not editable here. Lineage links are held by the child: {@code parents} are the
 * methods it derives from, {@code supersedes} the older versions it replaces (both stored in
 * method_lineage, told apart by its relation).
 */
public record MethodInput(
    @NotBlank @Size(max = 200) String slug,
    @NotBlank @Size(max = 300) String name,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases,
    @NotBlank @Size(max = 40) String family,
    @Size(max = 20000) String description,
    Integer year,
    @Valid Paper paper,
    @Size(max = 2000) String codeUrl,
    @Size(max = 200) String licence,
    Long parameterCount,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> parents,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> supersedes,
    @Size(max = 100) List<@NotBlank @Size(max = 200) String> trainingDatasets) {

  public MethodInput {
    aliases = aliases == null ? List.of() : aliases;
    parents = parents == null ? List.of() : parents;
    supersedes = supersedes == null ? List.of() : supersedes;
    trainingDatasets = trainingDatasets == null ? List.of() : trainingDatasets;
  }

  /**
   * The introducing paper, as the read side shows it: {@code id} links a paper of the corpus; the
   * identifiers and URL also name a paper the corpus does not (yet) hold.
   */
  public record Paper(
      Long id,
      @Size(max = 300) String doi,
      @Size(max = 100) String arxivId,
      @Size(max = 2000) String url) {}
}
