package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.semantic.EmbeddingWorker;
import org.mlmdkb.search.semantic.TextEmbedder;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.SemanticTestSupport;

/**
 * Each single write leaves a small segment; once the index is quiet (a follower poll that applies
 * nothing) they are merged (IndexStore.mergeWhenQuiet, FewSmallSegments), so searches look their
 * terms up in a few segments rather than one per write.
 */
@QuarkusTest
class QuietMergeTest extends ApiTest {

  @Inject IndexSearch index;
  @Inject SearchIndex searchIndex;
  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;

  @Test
  void theSegmentsOfSingleWritesAreMergedOnceTheIndexIsQuiet() throws Exception {
    for (int i = 0; i < 6; i++) {
      createPaper(ADMIN_KEY, "Quiet merge probe " + unique());
    }
    int leaves = Integer.MAX_VALUE;
    // The test corpus fits in small segments: a quiet merge leaves one, a few polls after.
    for (int tries = 0; tries < 60 && leaves > FewSmallSegments.MAX_SMALL; tries++) {
      Thread.sleep(250);
      leaves = index.withSearcher(s -> s.getIndexReader().leaves().size());
    }
    assertTrue(leaves <= FewSmallSegments.MAX_SMALL, "segments: " + leaves);
  }

  /**
   * SearchIndex.settle (called once the writes' vectors are embedded) merges at once what the
   * writes left and waits for it: the reader it leaves has few segments and is still the one
   * searched after several follower polls, so relevance scores stay put (tests paging by relevance
   * rely on it).
   */
  @Test
  void aSettledIndexStaysAsItIsUntilTheNextWrite() throws Exception {
    for (int i = 0; i < 6; i++) {
      createPaper(ADMIN_KEY, "Settle probe " + unique());
    }
    // As tests paging by relevance wait: the new papers' vectors applied, then settle.
    SemanticTestSupport.awaitEmbedded(embedder, worker, searchIndex);
    String segments = index.withSearcher(QuietMergeTest::segments);
    int leaves = index.withSearcher(s -> s.getIndexReader().leaves().size());
    assertTrue(leaves <= FewSmallSegments.MAX_SMALL, "segments: " + leaves);
    Thread.sleep(3_000); // three follower polls (kb.search.poll-interval = 1 s)
    // The follower's later commits may open a new reader, but over the same segments and deletions,
    // which is what the scores depend on.
    assertEquals(segments, index.withSearcher(QuietMergeTest::segments));
  }

  /** Each segment's name, documents and deleted documents. */
  private static String segments(IndexSearcher s) {
    StringBuilder out = new StringBuilder();
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      out.append(((SegmentReader) leaf.reader()).getSegmentName())
          .append(':')
          .append(leaf.reader().maxDoc())
          .append('-')
          .append(leaf.reader().numDeletedDocs())
          .append(' ');
    }
    return out.toString();
  }
}
