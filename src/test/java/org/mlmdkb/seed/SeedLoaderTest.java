package org.mlmdkb.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedLoaderTest {

  @Inject SeedLoader loader;
  @Inject AgroalDataSource dataSource;

  @Test
  void loadingAnUnchangedCorpusAgainChangesNothing() throws Exception {
    long before = countAll();
    assertEquals("unchanged", loader.load());
    assertEquals(before, countAll());
  }

  @Test
  void loadingAfterTheChecksumIsForgottenWritesNothing() throws Exception {
    long before = countAll();
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate("DELETE FROM seed_load");
    }
    String summary = loader.load();
    assertEquals(
        "inserted or corrected 0 sources, 0 tags, 0 papers, 0 datasets, 0 methods, 0 results,"
            + " 0 articles",
        summary);
    assertEquals(before, countAll());
  }

  @Test
  void articleIndexListsEveryArticleFile() throws Exception {
    Path dir = Path.of("src/main/resources/seed/articles");
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
    }
    assertEquals(files, new SeedFiles().articleFiles().stream().sorted().toList());
  }

  private long countAll() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM paper) + (SELECT count(*) FROM paper_author)"
                        + " + (SELECT count(*) FROM method) + (SELECT count(*) FROM method_lineage)"
                        + " + (SELECT count(*) FROM dataset) + (SELECT count(*) FROM dataset_subset)"
                        + " + (SELECT count(*) FROM benchmark_result) + (SELECT count(*) FROM article)"
                        + " + (SELECT count(*) FROM paper_tag) + (SELECT count(*) FROM article_paper)")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
