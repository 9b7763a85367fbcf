package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

/** The queries of one keyword search, built without an index. */
class TextQueryTest {

  @Test
  void aTyposFuzzyAlternativeIsOneQueryInTheRankedAndTheMarkedQuery() {
    ParsedQuery parsed = ParsedQuery.parse("equivariamt potential");
    SearchService.Plan plan =
        SearchService.Plan.asWritten(
            parsed, Map.of("equivariamt", IndexQueries.fuzzy("equivariamt")));

    IndexSearch.TextQuery text = new IndexSearch(null, null, null).textQuery(plan);

    Set<Query> marked = rewrittenOnce(text.marked());
    assertFalse(marked.isEmpty(), "the typo has a fuzzy alternative");
    // Shared, the snippets' rewrite reuses the search's instead of building the automata again.
    assertEquals(rewrittenOnce(text.ranked()), marked);
  }

  /** The RewriteOnce queries in {@code q}; they are equal only to themselves. */
  private static Set<Query> rewrittenOnce(Query q) {
    Set<Query> out = new HashSet<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            if (parent instanceof RewriteOnce) {
              out.add(parent);
            }
            return this;
          }
        });
    return out;
  }
}
