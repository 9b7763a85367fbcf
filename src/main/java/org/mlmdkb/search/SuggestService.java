package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlmdkb.paper.AuthorNames;
import org.mlmdkb.search.SearchDtos.Suggestion;
import org.mlmdkb.search.SearchDtos.SuggestionList;
import org.mlmdkb.search.SuggestRepository.Tiered;

/**
 * Search-as-you-type: names first, then tags, authors, paper titles (from the index), names within
 * typing distance, then known words close to the last one (the index's spell checker).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuggestService {

  static final int MAX = 10;

  /** Paper titles offered at most, so names and tags are not crowded out. */
  private static final int TITLES = 4;

  /** Close words offered at most. */
  private static final int WORDS = 3;

  private static final int TITLE_TIER = 4;
  private static final int WORD_TIER = 6;

  private final SuggestRepository repository;
  private final IndexSearch index;

  public SuggestService(SuggestRepository repository, IndexSearch index) {
    this.repository = repository;
    this.index = index;
  }

  public SuggestionList suggest(String q, int limit) throws SQLException {
    if (q == null) {
      return new SuggestionList(List.of());
    }
    String words = AuthorNames.normalize(q);
    String ident = ParsedQuery.ident(q);
    if (ident.isEmpty()) {
      return new SuggestionList(List.of());
    }
    List<String> tokens =
        Arrays.stream(words.toLowerCase(Locale.ROOT).split(" "))
            .map(t -> t.replaceAll("[^a-z0-9]", ""))
            .filter(t -> !t.isEmpty())
            .toList();
    String last = tokens.isEmpty() ? ident : tokens.get(tokens.size() - 1);
    List<Tiered> all = new ArrayList<>(repository.suggest(ident, words, limit));
    if (last.length() >= 3) {
      // Every word is a prefix: the last is being typed, the earlier ones may be plural or cut.
      for (IndexSearch.Hit h : index.titlesStartingWith(tokens, TITLES)) {
        all.add(new Tiered(TITLE_TIER, new Suggestion(h.title(), "paper", h.id())));
      }
    }
    for (String w : index.similarWords(last, WORDS)) {
      all.add(new Tiered(WORD_TIER, new Suggestion(w, "word", null)));
    }
    List<Suggestion> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    all.stream()
        .sorted(java.util.Comparator.comparingInt(Tiered::tier)) // stable: keeps order within tiers
        .map(Tiered::suggestion)
        .forEach(
            s -> {
              if (seen.add(s.text().toLowerCase(Locale.ROOT)) && out.size() < limit) {
                out.add(s);
              }
            });
    return new SuggestionList(out);
  }
}
