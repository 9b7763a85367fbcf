package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.junit.jupiter.api.Test;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperFilterParams;
import org.mlmdkb.paper.PaperSort;
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

  /**
   * When papers are asked for, the ranking runs without its type filter and leaves the other types
   * out as it collects (IndexSearch.topHits); its top hits and scores must be those of the filtered
   * query, for every type set that includes papers. Scores may differ by a rounding of their float
   * sum (Lucene flattens the unfiltered disjunction and adds in another order), so two hits whose
   * scores round alike may trade places.
   */
  @Test
  void rankingWithoutTheTypeFilterFindsTheFilteredQuerysTopHits() {
    List<Set<SearchType>> typeSets =
        List.of(
            EnumSet.of(SearchType.PAPER),
            EnumSet.of(SearchType.PAPER, SearchType.ARTICLE),
            EnumSet.allOf(SearchType.class));
    List<String> differing = new ArrayList<>();
    int compared = 0;
    for (Planned p : planned()) {
      for (Set<SearchType> types : typeSets) {
        IndexSearch.Request r = new IndexSearch.Request(p.plan(), types, null, Set.of(), 0);
        // One searcher for both: a refresh between them would renumber documents.
        ScoreDoc[][] both =
            index.withSearcher(
                s ->
                    new ScoreDoc[][] {
                      index.topHits(s, r, p.text(), 20),
                      IndexSearch.topByScore(s, index.fullQuery(r, p.text()), 20)
                    });
        if (!sameUpToRounding(both[0], both[1])) {
          differing.add(p.query() + " " + types + ": " + hits(both[0]) + " vs " + hits(both[1]));
        }
        compared += both[1].length == 0 ? 0 : 1;
      }
    }
    assertEquals(List.of(), differing);
    assertTrue(compared > 300, "rankings compared: " + compared);
  }

  /**
   * A relevance page of /papers?q= with no paper filter is ranked without the type filter
   * (PaperListIndex.top with the unfiltered ranking): its first two pages must be those of the
   * type-filtered query, up to the rounding of tied scores.
   */
  @Test
  void theListRankedWithoutTheTypeFilterHasTheFilteredListsPages() {
    List<String> differing = new ArrayList<>();
    int compared = 0;
    for (Planned p : planned()) {
      IndexSearch.Request r =
          new IndexSearch.Request(p.plan(), EnumSet.of(SearchType.PAPER), null, Set.of(), 0);
      // A list with q alone: no paper filter, as /papers?q= parses it.
      PaperFilter filter =
          new PaperFilterParams().toFilter(p.query(), PaperSort.RELEVANCE, 10, null);
      Query filtered = PaperListIndex.query(filter, index.fullQuery(r, p.text()));
      Query anyType = index.rankedAnyType(r, p.text());
      ScoreDoc[][] pages =
          index.withSearcher(
              s -> {
                TopFieldDocs a = PaperListIndex.top(s, filter, filtered, anyType, null);
                TopFieldDocs b = PaperListIndex.top(s, filter, filtered, null, null);
                return new ScoreDoc[][] {
                  ranked(a),
                  ranked(b),
                  ranked(PaperListIndex.top(s, filter, filtered, anyType, last(a))),
                  ranked(PaperListIndex.top(s, filter, filtered, null, last(b)))
                };
              });
      for (int page = 0; page < 4; page += 2) {
        if (!sameUpToRounding(pages[page], pages[page + 1])) {
          differing.add(
              p.query()
                  + " page "
                  + (page / 2 + 1)
                  + ": "
                  + hits(pages[page])
                  + " vs "
                  + hits(pages[page + 1]));
        }
      }
      compared += pages[3].length == 0 ? 0 : 1;
    }
    assertEquals(List.of(), differing);
    assertTrue(compared > 50, "second pages compared: " + compared);
  }

  /** A list page's documents with their relevance (its sort's first value) as the score. */
  private static ScoreDoc[] ranked(TopFieldDocs top) {
    ScoreDoc[] out = new ScoreDoc[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) {
      FieldDoc d = (FieldDoc) top.scoreDocs[i];
      out[i] = new ScoreDoc(d.doc, (Float) d.fields[0]);
    }
    return out;
  }

  /** Where the next page starts: the page's last document but the extra one, or null. */
  private static FieldDoc last(TopFieldDocs top) {
    int n = top.scoreDocs.length;
    return n < 2 ? null : (FieldDoc) top.scoreDocs[n - 2];
  }

  /**
   * Equal scores rank by rank (to a millionth), and the same documents wherever a score stands
   * apart from its neighbours and from the last one.
   */
  private static boolean sameUpToRounding(ScoreDoc[] a, ScoreDoc[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!close(a[i].score, b[i].score)) {
        return false;
      }
      boolean alone =
          (i == 0 || !close(b[i - 1].score, b[i].score))
              && (i == b.length - 1 || !close(b[i + 1].score, b[i].score))
              && !close(b[b.length - 1].score, b[i].score);
      if (alone && a[i].doc != b[i].doc) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(float x, float y) {
    return Math.abs(x - y) <= 1e-6f * Math.max(Math.abs(x), Math.abs(y));
  }

  private static String hits(ScoreDoc[] docs) {
    StringBuilder out = new StringBuilder();
    for (ScoreDoc d : docs) {
      out.append(d.doc).append('=').append(d.score).append(' ');
    }
    return out.toString();
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
