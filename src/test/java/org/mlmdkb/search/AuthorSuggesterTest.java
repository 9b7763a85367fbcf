package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.SearchDtos.Suggestion;

/** Authors are completed from the segments of each new reader, once each, live ones only. */
class AuthorSuggesterTest {

  private static Document paper(String key, String... authorRefs) {
    Document d = new Document();
    d.add(new StringField("key", key, Field.Store.NO));
    for (String ref : authorRefs) {
      d.add(new StringField(IndexFields.AUTHOR_REF, ref, Field.Store.YES));
    }
    return d;
  }

  private static String ref(long id, String name) {
    return id + String.valueOf(IndexFields.LABEL_SEPARATOR) + name;
  }

  private static List<String> names(AuthorSuggester authors, String typed, DirectoryReader reader)
      throws Exception {
    if (authors.olderThan(reader)) {
      authors.catchUp(reader);
    }
    return authors.byPrefix(typed, 4, new IndexSearcher(reader)).stream()
        .map(Suggestion::text)
        .toList();
  }

  @Test
  void completesAuthorsOfNewSegmentsAndDropsThoseWithoutALivePaper() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()));
        AuthorSuggester authors = new AuthorSuggester()) {
      writer.addDocument(paper("paper:1", ref(1, "Jörg Behler"), ref(2, "Michele Parrinello")));
      writer.commit();
      try (DirectoryReader first = DirectoryReader.open(writer)) {
        assertEquals(List.of("Jörg Behler"), names(authors, "beh", first));
      }

      writer.addDocument(paper("paper:2", ref(3, "Gábor Csányi"), ref(1, "Jörg Behler")));
      writer.commit();
      try (DirectoryReader second = DirectoryReader.open(writer)) {
        assertEquals(List.of("Gábor Csányi"), names(authors, "csan", second));
        assertEquals(List.of("Jörg Behler"), names(authors, "jorg", second), "once, not twice");
      }

      writer.deleteDocuments(new Term("key", "paper:1"));
      writer.forceMerge(1);
      writer.commit();
      try (DirectoryReader merged = DirectoryReader.open(writer)) {
        assertTrue(names(authors, "parr", merged).isEmpty(), "his only paper is deleted");
        assertEquals(List.of("Jörg Behler"), names(authors, "behler", merged), "still on paper 2");
      }
    }
  }
}
