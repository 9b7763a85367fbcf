package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A wide nearest-neighbour query keeps the best k of a search for DEPTH × k. */
class WideNearestQueryTest {

  private static final int DIMENSIONS = 16;

  @Test
  void keepsTheBestKOfADeeperSearch() throws Exception {
    Random random = new Random(7);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int i = 0; i < 3_000; i++) {
          Document d = new Document();
          d.add(
              new KnnFloatVectorField(
                  "vector", unit(random), VectorSimilarityFunction.DOT_PRODUCT));
          writer.addDocument(d);
          if (i % 1_000 == 999) {
            writer.commit(); // three segments, each with a graph of its own
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        float[] target = unit(random);
        TopDocs wide = s.search(new WideNearestQuery("vector", target, 10, null), 100);
        TopDocs deep =
            s.search(new KnnFloatVectorQuery("vector", target, 10 * WideNearestQuery.DEPTH), 10);
        assertEquals(10, wide.scoreDocs.length);
        assertArrayEquals(docs(deep), docs(wide));
      }
    }
  }

  @Test
  void queriesKeepingADifferentNumberAreDifferentQueries() {
    float[] target = unit(new Random(1));
    assertEquals(
        new WideNearestQuery("vector", target, 10, null),
        new WideNearestQuery("vector", target, 10, null));
    // A deeper search keeping fewer is not the same query: the query cache must tell them apart.
    assertNotEquals(
        new WideNearestQuery("vector", target, 10, null),
        new KnnFloatVectorQuery("vector", target, 10 * WideNearestQuery.DEPTH));
    assertNotEquals(
        new WideNearestQuery("vector", target, 10, null),
        new WideNearestQuery("vector", target, 11, null));
  }

  private static int[] docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
