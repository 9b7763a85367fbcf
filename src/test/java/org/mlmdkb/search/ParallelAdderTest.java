package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Batches added on several threads all arrive, and a batch that fails fails the rebuild. */
class ParallelAdderTest {

  private static List<Document> batch(int from, int n) {
    List<Document> docs = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      Document d = new Document();
      d.add(new StringField("key", "paper:" + i, Field.Store.NO));
      docs.add(d);
    }
    return docs;
  }

  @Test
  void everyDocumentOfEveryBatchIsAdded() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      try (ParallelAdder adder = new ParallelAdder(writer, 2)) {
        for (int b = 0; b < 20; b++) {
          adder.add(batch(b * 100, 100));
        }
        adder.finish();
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(2_000, reader.numDocs());
      }
    }
  }

  @Test
  void aBatchThatCannotBeAddedFailsFinish() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
        ParallelAdder adder = new ParallelAdder(writer, 2)) {
      Document tooLong = new Document();
      // Lucene refuses a term longer than 32,766 bytes.
      tooLong.add(new StringField("key", "x".repeat(40_000), Field.Store.NO));
      adder.add(batch(0, 10));
      adder.add(List.of(tooLong));
      assertThrows(IOException.class, adder::finish);
    }
  }
}
