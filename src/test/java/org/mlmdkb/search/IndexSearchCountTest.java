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
    for (Planned p : planned()) {
      IndexSearch.Request r =
          new IndexSearch.Request(p.plan(), EnumSet.allOf(SearchType.class), null, Set.of(), 0);
      int ranked = index.withSearcher(s -> s.count(index.fullQuery(r, p.text())));
      int counted = index.withSearcher(s -> s.count(index.matchQuery(r, p.text())));
      if (ranked != counted) {
        differing.add(p.query() + ": ranked " + ranked + ", counted " + counted);
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
    for (Planned p : planned()) {
      IndexSearch.TextQuery text = p.text();
      for (Set<SearchType> types : typeSets) {
        IndexSearch.Request r = new IndexSearch.Request(p.plan(), types, null, Set.of(), 0);
        Map<String, Long> fast =
            index.withSearcher(
                s -> IndexSearch.countsByType(s, index.matchAnyType(r, text), types));
        Map<String, Long> filtered =
            index.withSearcher(
                s -> IndexSearch.countsByFilteredType(s, index.matchQuery(r, text), types));
        if (!fast.equals(filtered)) {
          differing.add(p.query() + " " + types + ": " + fast + " vs " + filtered);
        }
      }
    }
    assertEquals(List.of(), differing);
  }

  private record Planned(String query, SearchService.Plan plan, IndexSearch.TextQuery text) {}

  /** The queries below with their plans, leaving out those that match nothing by text. */
  private List<Planned> planned() {
    List<Planned> out = new ArrayList<>();
    for (String q : queries()) {
      SearchService.Plan plan = service.plan(q);
      IndexSearch.TextQuery text = index.textQuery(plan);
      if (text != null) {
        out.add(new Planned(q, plan, text));
      }
    }
    return out;
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
