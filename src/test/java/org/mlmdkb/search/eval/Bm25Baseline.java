package org.mlmdkb.search.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The stock BM25 baseline: Lucene defaults over title, authors, venue and year of the seed corpus,
 * in memory. Nothing is tuned on purpose (no boosts, no synonyms, no fuzziness): it is the floor a
 * search engine of this service has to beat.
 */
public final class Bm25Baseline implements PaperSearch {

  private static final String[] FIELDS = {"title", "authors", "venue", "year"};

  private final Analyzer analyzer;
  private final IndexSearcher searcher;

  private Bm25Baseline(Analyzer analyzer, IndexSearcher searcher) {
    this.analyzer = analyzer;
    this.searcher = searcher;
  }

  public static Bm25Baseline index(SeedCorpus corpus) {
    Analyzer analyzer = new EnglishAnalyzer();
    Directory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (SeedCorpus.SeedPaper paper : corpus.papers()) {
        writer.addDocument(document(paper));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
      searcher.setSimilarity(new BM25Similarity());
      return new Bm25Baseline(analyzer, searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> topKeys(String query) {
    // OR is the parser's default operator; the query text is escaped so that researchers' words
    // such as "E(3)-equivariant" or "DimeNet++" are words, not query syntax.
    MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, analyzer);
    try {
      ScoreDoc[] hits =
          searcher.search(parser.parse(QueryParser.escape(query)), RelevanceMetrics.CUTOFF)
              .scoreDocs;
      List<String> keys = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        keys.add(searcher.storedFields().document(hit.doc).get("key"));
      }
      return keys;
    } catch (ParseException e) {
      throw new IllegalArgumentException("BM25 baseline cannot parse: " + query, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(SeedCorpus.SeedPaper paper) {
    Document doc = new Document();
    doc.add(new StoredField("key", paper.key()));
    doc.add(new TextField("title", paper.title(), Field.Store.NO));
    doc.add(new TextField("authors", String.join("; ", paper.authors()), Field.Store.NO));
    if (paper.venue() != null) {
      doc.add(new TextField("venue", paper.venue(), Field.Store.NO));
    }
    if (paper.year() != null) {
      doc.add(new TextField("year", paper.year().toString(), Field.Store.NO));
    }
    return doc;
  }
}
