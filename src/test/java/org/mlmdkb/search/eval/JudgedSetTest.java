package org.mlmdkb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The judged set stays well-formed and in step with the shipped corpus. */
class JudgedSetTest {

  private static final JudgedSet JUDGED = JudgedSet.load(JudgedSet.DEFAULT_DIR);
  private static final SeedCorpus CORPUS = SeedCorpus.load(SeedCorpus.DEFAULT_FILE);

  @Test
  void holdsAtLeastOneHundredQueriesAndTwentyPerCategory() {
    assertTrue(JUDGED.queries().size() >= 100, "queries: " + JUDGED.queries().size());
    Map<String, Long> perCategory =
        JUDGED.queries().stream()
            .collect(Collectors.groupingBy(JudgedQuery::category, Collectors.counting()));
    perCategory.forEach((category, n) -> assertTrue(n >= 20, category + ": " + n));
  }

  @Test
  void everyQueryIsDistinctAndHasARelevantPaper() {
    Set<String> texts = new HashSet<>();
    for (JudgedQuery q : JUDGED.queries()) {
      assertTrue(texts.add(q.text()), "duplicate query: " + q.text());
      assertTrue(q.relevantCount() > 0, "nothing relevant for " + q.id());
    }
  }

  @Test
  void everyJudgedKeyIsASeedPaperWhoseDoiAndTitleAreRecordedAsInTheCorpus() throws Exception {
    Map<String, SeedCorpus.SeedPaper> byKey =
        CORPUS.papers().stream()
            .collect(Collectors.toMap(SeedCorpus.SeedPaper::key, Function.identity()));
    List<String> rows =
        Files.readAllLines(JudgedSet.DEFAULT_DIR.resolve("qrels.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split("\t", -1);
      SeedCorpus.SeedPaper paper = byKey.get(cells[2]);
      assertTrue(paper != null, "not a seed key: " + cells[2]);
      assertEquals(Objects.toString(paper.doi(), ""), cells[3], cells[2]);
      assertEquals(Objects.toString(paper.arxivId(), ""), cells[4], cells[2]);
      assertEquals(String.join(" ", paper.title().split("\\s+")), cells[5], cells[2]);
    }
  }
}
