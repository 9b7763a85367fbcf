package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Single writes, each committed on its own, leave their small segments to the tiered policy; a
 * merge asked for when the index is quiet leaves few segments and loses no document.
 */
class FewSmallSegmentsTest {

  @Test
  void aQuietMergeLeavesAtMostAFewSmallSegments() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                dir,
                new IndexWriterConfig(new StandardAnalyzer())
                    .setMergePolicy(new FewSmallSegments())
                    .setMergeScheduler(new SerialMergeScheduler()))) {
      for (int i = 0; i < 40; i++) {
        Document d = new Document();
        d.add(new StringField("ref", "paper-" + i, Field.Store.NO));
        writer.updateDocument(new Term("ref", "paper-" + i), d);
        writer.commit();
      }
      writer.maybeMerge();
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(40, reader.numDocs());
        assertTrue(
            reader.leaves().size() <= FewSmallSegments.MAX_SMALL + 1,
            "segments: " + reader.leaves().size());
      }
    }
  }
}
