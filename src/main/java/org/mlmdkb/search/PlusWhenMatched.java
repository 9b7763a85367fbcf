package org.mlmdkb.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's own score plus a fixed bonus wherever it matches: the same scores as the query beside
 * {@code ConstantScore(query)^bonus}, with its postings read once instead of twice. A clause's tier
 * (every clause met ranks first) is such a bonus on the clause itself; as two clauses, ranking read
 * each word's postings in every field twice. Its maximum score is the query's plus the bonus, so
 * max-score ranking skips as it did.
 */
final class PlusWhenMatched extends Query {

  private final Query query;
  private final float bonus;

  PlusWhenMatched(Query query, float bonus) {
    if (!(bonus >= 0) || Float.isInfinite(bonus)) {
      throw new IllegalArgumentException("bonus must be finite and not negative: " + bonus);
    }
    this.query = Objects.requireNonNull(query);
    this.bonus = bonus;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new PlusWhenMatched(rewritten, bonus);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = query.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    float added = bonus * boost;
    return new FilterWeight(this, inner) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = scorerSupplier(context);
        return supplier == null ? null : supplier.get(Long.MAX_VALUE);
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        Weight weight = this;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Plus(weight, supplier.get(leadCost), added);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation own = in.explain(context, doc);
        if (!own.isMatch()) {
          return own;
        }
        return Explanation.match(
            own.getValue().floatValue() + added,
            "sum of:",
            own,
            Explanation.match(added, "bonus for matching"));
      }

      @Override
      public int count(LeafReaderContext context) throws IOException {
        return in.count(context);
      }
    };
  }

  /** The wrapped scorer's documents, each scored {@code added} higher. */
  private static final class Plus extends Scorer {
    private final Scorer in;
    private final float added;

    Plus(Weight weight, Scorer in, float added) {
      super(weight);
      this.in = in;
      this.added = added;
    }

    @Override
    public float score() throws IOException {
      return in.score() + added;
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return in.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return in.twoPhaseIterator();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) + added;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      // Below the bonus every match is competitive; above it, the query's share must be (one float
      // step lower, so that rounding in the subtraction never skips a match that ties).
      in.setMinCompetitiveScore(Math.max(0f, Math.nextDown(minScore - added)));
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "(" + query.toString(field) + ")+" + bonus;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && query.equals(((PlusWhenMatched) other).query)
        && Float.compare(bonus, ((PlusWhenMatched) other).bonus) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + query.hashCode()) + Float.hashCode(bonus);
  }
}
