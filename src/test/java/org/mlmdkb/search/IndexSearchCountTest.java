package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.eval.JudgedQuery;
import org.mlmdkb.search.eval.JudgedSet;
import org.mlmdkb.testsupport.ApiTest;

/**
 * Totals and facets count an unscored query (IndexSearch.matchQuery) apart from the ranked one
 * (fullQuery), so that ranking may skip hits; both must match the same documents, or a total would
 * disagree with the hits one can page through. Checked on every query of the judged set, plus the
 * query forms the judged set lacks (exclusion, phrase, filters by type).
 */
@QuarkusTest
class IndexSearchCountTest extends ApiTest {

  @Inject SearchService service;
  @Inject IndexSearch index;

  @Test
  void theUnscoredCountQueryMatchesWhatTheRankedQueryMatches() {
    List<String> queries = new ArrayList<>();
    for (JudgedQuery q : JudgedSet.load(JudgedSet.DEFAULT_DIR).queries()) {
      queries.add(q.text());
    }
    queries.addAll(
        List.of(
            "\"message passing\" -equivariant",
            "equivarient potentials",
            "nequip",
            "machine learning force field for molecular dynamics of proteins",
            "SO(3) CCSD(T) 3BPA"));
    List<String> differing = new ArrayList<>();
    for (String q : queries) {
      SearchService.Plan plan = service.plan(q);
      IndexSearch.TextQuery text = index.textQuery(plan);
      if (text == null) {
        continue;
      }
      IndexSearch.Request r =
          new IndexSearch.Request(plan, EnumSet.allOf(SearchType.class), null, Set.of(), 0);
      int ranked = index.withSearcher(s -> s.count(index.fullQuery(r, text)));
      int counted = index.withSearcher(s -> s.count(index.matchQuery(r, text)));
      if (ranked != counted) {
        differing.add(q + ": ranked " + ranked + ", counted " + counted);
      }
    }
    assertEquals(List.of(), differing);
  }
}
