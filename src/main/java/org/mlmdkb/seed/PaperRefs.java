package org.mlmdkb.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Resolves seed paper references ({doi, arxiv_id, url}) to paper ids by DOI, then arXiv id. */
final class PaperRefs {

  private final Map<String, Long> byDoi;
  private final Map<String, Long> byArxiv;

  PaperRefs(Jdbc db) throws SQLException {
    this.byDoi = db.ids("SELECT doi, id FROM paper WHERE doi IS NOT NULL");
    this.byArxiv = db.ids("SELECT arxiv_id, id FROM paper WHERE arxiv_id IS NOT NULL");
  }

  Optional<Long> resolve(JsonNode ref) {
    if (ref == null || ref.isNull()) {
      return Optional.empty();
    }
    String doi = Jdbc.text(ref, "doi");
    if (doi != null && byDoi.containsKey(doi.toLowerCase(Locale.ROOT))) {
      return Optional.of(byDoi.get(doi.toLowerCase(Locale.ROOT)));
    }
    String arxiv = Jdbc.text(ref, "arxiv_id");
    if (arxiv == null
        && doi != null
        && doi.toLowerCase(Locale.ROOT).startsWith("10.48550/arxiv.")) {
      arxiv = doi.substring("10.48550/arxiv.".length());
    }
    return Optional.ofNullable(arxiv == null ? null : byArxiv.get(arxiv));
  }

  Optional<Long> resolveDoi(String doi) {
    return Optional.ofNullable(byDoi.get(doi.toLowerCase(Locale.ROOT)));
  }
}
