package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
   * SearchIndex.settle (called once the writes' vectors are embedded, as tests paging by relevance
   * do) merges what the writes left at once and waits for it, rather than at the follower's next
   * quiet poll: the searcher it refreshes to already has few segments. Counted by settle itself: in
   * the full suite a change of an earlier test (a vector stored late) may be applied right after,
   * adding a segment of its own (seen once as 3 segments).
   */
  @Test
  void settlingMergesTheSegmentsOfSingleWritesAtOnce() throws Exception {
    for (int i = 0; i < 6; i++) {
      createPaper(ADMIN_KEY, "Settle probe " + unique());
    }
    int leaves = SemanticTestSupport.awaitEmbedded(embedder, worker, searchIndex);
    assertTrue(leaves <= FewSmallSegments.MAX_SMALL, "segments: " + leaves);
  }
}
