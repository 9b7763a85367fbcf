package org.mlmdkb.dataset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A dataset's editable state: the body of POST and PUT, the document a merge patch applies to, and
 * what the history records before and after each change. Sources (seed provenance) are not part of
 * it and writes leave them alone.
 */
public record DatasetInput(
    @NotBlank @Size(max = 200) String slug,
    @NotBlank @Size(max = 300) String name,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> aliases,
    @Size(max = 20000) String description,
    @NotBlank @Size(max = 40) String domain,
    @Size(max = 500) String levelOfTheory,
    @PositiveOrZero Long nStructures,
    @PositiveOrZero Long nMaterials,
    @Size(max = 1000) String sizeNote,
    @Size(max = 200) String licence,
    @Size(max = 2000) String url,
    @Valid DatasetPaperInput paper,
    @Size(max = 500) List<@NotNull @Valid DatasetSubsetInput> subsets) {

  public DatasetInput {
    aliases = aliases == null ? List.of() : aliases;
    subsets = subsets == null ? List.of() : subsets;
  }
}
