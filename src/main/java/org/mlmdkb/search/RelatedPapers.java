package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.mlmdkb.paper.PaperDtos.RelatedPaper;

/**
 * Papers related to one paper, from the index (so a deleted paper never appears): what they share
 * (methods, datasets, tags) and how alike their titles and abstracts read (MoreLikeThis).
 */
@ApplicationScoped
public class RelatedPapers {

  // Weights: a shared method counts 3 (the most specific link), a shared dataset 2, a shared tag
  // 1 (tags are broad; only the tags a paper carries itself, not their ancestors), and text
  // similarity up to 4: MoreLikeThis's score divided by the paper's score against its own query,
  // so a near-identical title (a preprint and its journal version) ranks high with no curated link.
  private static final float METHOD_WEIGHT = 3f;
  private static final float DATASET_WEIGHT = 2f;
  private static final float TAG_WEIGHT = 1f;
  private static final float TEXT_WEIGHT = 4f;

  /** Words in more than this share of documents (learning, neural, potential) say little. */
  private static final int MAX_DOC_FREQ_PERCENT = 10;

  private static final int MAX_QUERY_TERMS = 25;

  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(REF, SortField.Type.STRING));

  private final IndexSearch index;

  public RelatedPapers(IndexSearch index) {
    this.index = index;
  }

  /** At most {@code limit} papers related to paper {@code paperId}, most related first. */
  public List<RelatedPaper> listRelated(long paperId, int limit) {
    return index.withSearcher(
        s -> {
          TopDocs me =
              s.search(new TermQuery(new Term(KEY, IndexDocuments.key("paper", paperId))), 1);
          if (me.scoreDocs.length == 0) {
            return List.of(); // not indexed yet, or deleted meanwhile
          }
          int doc = me.scoreDocs[0].doc;
          Document source = s.storedFields().document(doc);
          Query query = relatedTo(s, doc, source, paperId);
          if (query == null) {
            return List.of();
          }
          TopDocs top = s.search(query, limit, RANKING, true);
          IndexSearch.checkTime(s);
          List<RelatedPaper> out = new ArrayList<>();
          StoredFields stored = s.storedFields();
          for (ScoreDoc d : top.scoreDocs) {
            out.add(related(stored.document(d.doc), source, d.score));
          }
          return out;
        });
  }

  /** Null when the paper shares nothing and has no telling word. */
  private static Query relatedTo(IndexSearcher s, int doc, Document source, long paperId)
      throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    Query like = likeText(s, doc);
    if (like != null) {
      float self = s.explain(like, doc).getValue().floatValue();
      if (self > 0) {
        any.add(new BoostQuery(like, TEXT_WEIGHT / self), Occur.SHOULD);
        clauses++;
      }
    }
    clauses += links(any, METHOD, source, METHOD_WEIGHT);
    clauses += links(any, DATASET, source, DATASET_WEIGHT);
    clauses += links(any, DIRECT_TAG, source, TAG_WEIGHT);
    if (clauses == 0) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(any.build(), Occur.MUST)
        .add(new TermQuery(new Term(TYPE, "paper")), Occur.FILTER)
        .add(new TermQuery(new Term(KEY, IndexDocuments.key("paper", paperId))), Occur.MUST_NOT)
        .build();
  }

  private static Query likeText(IndexSearcher s, int doc) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(SearchAnalysis.index());
    mlt.setFieldNames(new String[] {TITLE, BODY});
    // Titles are short: a word once is enough; a word in one document only relates to nothing.
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxDocFreqPct(MAX_DOC_FREQ_PERCENT);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    Query q = mlt.like(doc);
    return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
  }

  /** One constant-score clause per value the paper has in {@code field}. */
  private static int links(BooleanQuery.Builder any, String field, Document source, float weight) {
    String[] values = source.getValues(field);
    for (String v : values) {
      any.add(IndexQueries.constant(new TermQuery(new Term(field, v)), weight), Occur.SHOULD);
    }
    return values.length;
  }

  private static RelatedPaper related(Document d, Document source, float score) {
    IndexableField year = d.getField(YEAR);
    return new RelatedPaper(
        Long.parseLong(d.get(REF)),
        d.get(TITLE),
        year == null ? null : year.numericValue().intValue(),
        Math.round(score * 1000) / 1000.0,
        shared(d, source, METHOD),
        shared(d, source, DATASET),
        shared(d, source, DIRECT_TAG));
  }

  /** Values both papers have in {@code field}, sorted. */
  private static List<String> shared(Document d, Document source, String field) {
    Set<String> mine = new LinkedHashSet<>(Arrays.asList(source.getValues(field)));
    mine.retainAll(Arrays.asList(d.getValues(field)));
    return mine.stream().sorted().toList();
  }
}
