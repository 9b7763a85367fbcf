package org.mlmdkb.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query rewritten once for the index reader it first meets, however often it stands in one
 * search's query tree and in the searches of one request. A fuzzy query builds its Levenshtein
 * automata at every rewrite, and one typo sits in the ranked query three times (the clause, its
 * tier, the words met) and again in the count: a seventh of a keyword search's time went there
 * (JFR, 117 judged queries, 102,000 papers). Other readers (a snippet's in-memory index) get a
 * rewrite of their own, uncached. One instance serves one request.
 */
final class RewriteOnce extends Query {

  private final Query query;
  private IndexReader reader;
  private Query rewritten;

  RewriteOnce(Query query) {
    this.query = query;
  }

  @Override
  public synchronized Query rewrite(IndexSearcher searcher) throws IOException {
    if (reader == searcher.getIndexReader()) {
      return rewritten;
    }
    Query out = searcher.rewrite(query);
    if (reader == null) {
      reader = searcher.getIndexReader();
      rewritten = out;
    }
    return out;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return query.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
