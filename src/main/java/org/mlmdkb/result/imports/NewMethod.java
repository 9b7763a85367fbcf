package org.mlmdkb.result.imports;

import java.util.List;

/**
 * What an import body says about a method the corpus may lack, enough to create it when the caller
 * asks for {@code create_missing=methods}: a Matbench model YAML says much, a CSV row only the
 * slug.
 *
 * @param family the method family the schema knows ("universal" for foundation models)
 * @param lineage slugs of methods it derives from, where they exist (a Matbench file's folder)
 * @param supersededBy the newer model that replaces it, as a Matbench file's {@code superseded_by}
 *     names it (a model key, the slug its method has); null when the body does not say
 */
public record NewMethod(
    String slug,
    String name,
    String family,
    List<String> lineage,
    String supersededBy,
    String doi,
    String arxivId,
    String codeUrl,
    String licence,
    Long parameterCount,
    Integer year,
    List<String> trainingSets,
    String description) {

  /** A CSV or JSON row names its method by slug alone; a curator can edit the rest later. */
  static NewMethod slugOnly(String slug, String family) {
    return new NewMethod(
        slug, slug, family, List.of(), null, null, null, null, null, null, null, List.of(), null);
  }
}
