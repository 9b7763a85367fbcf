package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.IndexReader;
import org.mlmdkb.paper.AuthorNames;
import org.mlmdkb.search.SearchDtos.Suggestion;
import org.mlmdkb.search.SearchDtos.SuggestionList;

/**
 * Search-as-you-type, all from the index: method and dataset names, tags and authors by prefix
 * (NameSuggester), then paper titles, then names within one typo, then known words close to the
 * last one (the index's spell checker).
 */
@ApplicationScoped
public class SuggestService {

  static final int MAX = 10;

  /** At most this many of each kind, so one big kind (authors) cannot crowd out the names. */
  private static final Map<String, Integer> PER_KIND =
      Map.of("method", 6, "dataset", 6, "tag", 4, "author", 4);

  /** Names looked up by prefix: enough for every kind's share. */
  private static final int NAMES = 20;

  /** Paper titles offered at most, so names and tags are not crowded out. */
  private static final int TITLES = 4;

  /** Names within a typo, and close words, offered at most. */
  private static final int TYPOS = 3;

  private static final int WORDS = 3;

  private static final int NAME_TIER = 1;
  private static final int TAG_TIER = 2;
  private static final int AUTHOR_TIER = 3;
  private static final int TITLE_TIER = 4;
  private static final int TYPO_TIER = 5;
  private static final int WORD_TIER = 6;

  private final IndexSearch index;

  /**
   * The name suggester of the newest reader seen, rebuilt when a newer reader comes, and the author
   * suggester, caught up with it.
   */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private NameSuggester names;

  private AuthorSuggester authors;

  private record Tiered(int tier, Suggestion suggestion) {}

  public SuggestService(IndexSearch index) {
    this.index = index;
  }

  public SuggestionList suggest(String q, int limit) {
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
    List<Tiered> all = new ArrayList<>(names(q, words.length() >= 3, ident.length() >= 4));
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
        .sorted(Comparator.comparingInt(Tiered::tier)) // stable: keeps the order within tiers
        .map(Tiered::suggestion)
        .forEach(
            s -> {
              if (seen.add(s.text().toLowerCase(Locale.ROOT)) && out.size() < limit) {
                out.add(s);
              }
            });
    return new SuggestionList(out);
  }

  /** Names by prefix (authors only from three letters on), then names within one typo. */
  private List<Tiered> names(String q, boolean withAuthors, boolean withTypos) {
    return index.withSearcher(
        s ->
            withNames(
                s.getIndexReader(),
                n -> {
                  List<Tiered> out = new ArrayList<>();
                  Map<String, Integer> taken = new HashMap<>();
                  List<Suggestion> byPrefix = new ArrayList<>(n.byPrefix(q, NAMES));
                  if (withAuthors) {
                    byPrefix.addAll(authors.byPrefix(q, PER_KIND.get("author"), s));
                  }
                  for (Suggestion sg : byPrefix) {
                    if (taken.merge(sg.type(), 1, Integer::sum) <= PER_KIND.get(sg.type())) {
                      out.add(new Tiered(tier(sg.type()), sg));
                    }
                  }
                  if (withTypos) {
                    n.byTypo(q, TYPOS).forEach(sg -> out.add(new Tiered(TYPO_TIER, sg)));
                  }
                  return out;
                }));
  }

  private static int tier(String type) {
    return switch (type) {
      case "tag" -> TAG_TIER;
      case "author" -> AUTHOR_TIER;
      default -> NAME_TIER;
    };
  }

  private interface NameWork<T> {
    T run(NameSuggester names) throws IOException;
  }

  /**
   * Runs {@code work} on a name suggester at least as new as {@code reader}: built for it when it
   * is newer than the last one, so a write is completed (or no longer) by the next request. The
   * author suggester catches up with the same reader.
   */
  private <T> T withNames(IndexReader reader, NameWork<T> work) throws IOException {
    lock.readLock().lock();
    try {
      if (names != null && !names.olderThan(reader)) {
        return work.run(names);
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      if (names == null || names.olderThan(reader)) {
        NameSuggester old = names;
        names = NameSuggester.build(reader);
        if (old != null) {
          old.close();
        }
      }
      if (authors == null) {
        authors = new AuthorSuggester();
      }
      if (authors.olderThan(reader)) {
        authors.catchUp(reader);
      }
      lock.readLock().lock(); // downgrade: nobody replaces it while work runs
    } finally {
      lock.writeLock().unlock();
    }
    try {
      return work.run(names);
    } finally {
      lock.readLock().unlock();
    }
  }
}
