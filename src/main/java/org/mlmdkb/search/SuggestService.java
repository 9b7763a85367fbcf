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

/** Search-as-you-type: names first, then tags, authors, titles, then typo-tolerant guesses. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuggestService {

  static final int MAX = 10;

  private final SuggestRepository repository;

  public SuggestService(SuggestRepository repository) {
    this.repository = repository;
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
    // Matched against title lexemes only (SuggestRepository, tier 4). The index holds English
    // stems (potentials -> potenti), so a complete word is cut to its first five letters before
    // the prefix match; the last word is the prefix being typed. Tokens are [a-z0-9]+, so the
    // tsquery text is always well-formed.
    List<String> lexemes = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      boolean typing = i == tokens.size() - 1;
      lexemes.add((typing ? t : t.substring(0, Math.min(5, t.length()))) + ":*");
    }
    String titleQuery = String.join(" & ", lexemes);
    String last = tokens.isEmpty() ? ident : tokens.get(tokens.size() - 1);
    List<Suggestion> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Suggestion s : repository.suggest(ident, words, titleQuery, last, limit)) {
      if (seen.add(s.text().toLowerCase(Locale.ROOT)) && out.size() < limit) {
        out.add(s);
      }
    }
    return new SuggestionList(out);
  }
}
