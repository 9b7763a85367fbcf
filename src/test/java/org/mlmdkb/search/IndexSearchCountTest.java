package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
    List<String> differing = new ArrayList<>();
    for (String q : queries()) {
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

  /**
   * Papers counted as every match less the other types' matches equal papers counted with the type
   * filter, for every type set a request can ask for.
   */
  @Test
  void countsByTypeFromUnfilteredMatchesEqualCountsPerTypeFilter() {
    List<Set<SearchType>> typeSets =
        List.of(
            EnumSet.allOf(SearchType.class),
            EnumSet.of(SearchType.PAPER),
            EnumSet.of(SearchType.METHOD, SearchType.DATASET),
            EnumSet.of(SearchType.PAPER, SearchType.ARTICLE));
    List<String> differing = new ArrayList<>();
    for (String q : queries()) {
      SearchService.Plan plan = service.plan(q);
      IndexSearch.TextQuery text = index.textQuery(plan);
      if (text == null) {
        continue;
      }
      for (Set<SearchType> types : typeSets) {
        IndexSearch.Request r = new IndexSearch.Request(plan, types, null, Set.of(), 0);
        Map<String, Long> fast =
            index.withSearcher(
                s -> IndexSearch.countsByType(s, index.matchAnyType(r, text), types));
        Map<String, Long> filtered =
            index.withSearcher(
                s -> IndexSearch.countsByFilteredType(s, index.matchQuery(r, text), types));
        if (!fast.equals(filtered)) {
          differing.add(q + " " + types + ": " + fast + " vs " + filtered);
        }
      }
    }
    assertEquals(List.of(), differing);
  }

  private static List<String> queries() {
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
    return queries;
  }
}
