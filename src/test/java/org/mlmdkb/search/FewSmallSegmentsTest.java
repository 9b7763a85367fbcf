package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Single writes, each committed on its own, leave their small segments to the tiered policy; a
 * merge asked for when the index is quiet leaves few segments and loses no document. Several large
 * segments become one; a single large one is left as it is.
 */
class FewSmallSegmentsTest {

  @Test
  void aQuietMergeLeavesAtMostAFewSmallSegments() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = writer(dir, new FewSmallSegments())) {
      addOneByOne(writer, 0, 40);
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

  @Test
  void aQuietMergeMakesOneSegmentOfSeveralLargeOnes() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        // Every segment counts as large here.
        IndexWriter writer = writer(dir, new FewSmallSegments(1))) {
      for (int batch = 0; batch < 2; batch++) {
        addTogether(writer, batch * 100, 100);
      }
      assertEquals(2, SegmentInfos.readLatestCommit(dir).size());
      writer.maybeMerge();
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(200, reader.numDocs());
        assertEquals(1, reader.leaves().size());
      }
    }
  }

  @Test
  void aSingleLargeSegmentIsNotRewrittenForTheSmallOnes() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = writer(dir, new FewSmallSegments())) {
        addTogether(writer, 0, 2_000);
      }
      String large = SegmentInfos.readLatestCommit(dir).info(0).info.name;
      long largeBytes = SegmentInfos.readLatestCommit(dir).info(0).sizeInBytes();
      // Large: the first segment; small: one document each.
      try (IndexWriter writer = writer(dir, new FewSmallSegments(largeBytes / 2))) {
        addOneByOne(writer, 2_000, 6);
        writer.maybeMerge();
        writer.commit();
      }
      SegmentInfos after = SegmentInfos.readLatestCommit(dir);
      assertEquals(2, after.size(), "the large segment and the small ones merged");
      assertTrue(
          after.asList().stream().anyMatch(s -> s.info.name.equals(large)),
          "the large segment is still " + large);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(2_006, reader.numDocs());
      }
    }
  }

  private static IndexWriter writer(ByteBuffersDirectory dir, FewSmallSegments policy)
      throws IOException {
    return new IndexWriter(
        dir,
        new IndexWriterConfig(new StandardAnalyzer())
            .setMergePolicy(policy)
            .setMergeScheduler(new SerialMergeScheduler()));
  }

  /** Papers {@code from}.. written and committed one at a time, as single writes are. */
  private static void addOneByOne(IndexWriter writer, int from, int count) throws IOException {
    for (int i = from; i < from + count; i++) {
      writer.updateDocument(new Term("ref", "paper-" + i), paper(i));
      writer.commit();
    }
  }

  /** Papers {@code from}.. in one segment, as a rebuild's indexing thread writes them. */
  private static void addTogether(IndexWriter writer, int from, int count) throws IOException {
    for (int i = from; i < from + count; i++) {
      writer.addDocument(paper(i));
    }
    writer.commit();
  }

  private static Document paper(int i) {
    Document d = new Document();
    d.add(new StringField("ref", "paper-" + i, Field.Store.YES));
    d.add(new TextField("title", "a machine learning potential, number " + i, Field.Store.YES));
    return d;
  }
}
