package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * Each single write leaves a small segment; once the index is quiet (a follower poll that applies
 * nothing) they are merged (IndexStore.mergeWhenQuiet, FewSmallSegments), so searches look their
 * terms up in a few segments rather than one per write.
 */
@QuarkusTest
class QuietMergeTest extends ApiTest {

  @Inject IndexSearch index;

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
}
