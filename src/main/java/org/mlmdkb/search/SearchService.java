package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.search.ParsedQuery.Clause;
import org.mlmdkb.search.ParsedQuery.Term;
import org.mlmdkb.search.SearchDtos.Correction;
import org.mlmdkb.search.SearchDtos.FacetValue;
import org.mlmdkb.search.SearchDtos.SearchHit;
import org.mlmdkb.search.SearchDtos.SearchPage;
import org.mlmdkb.search.semantic.SemanticSearch;

/**
 * Turns a query into a plan (synonyms expanded, misspellings corrected, identifiers recognised) and
 * runs it on the Lucene index: ranked hits of every type, exact totals and facet counts.
 */
@ApplicationScoped
public class SearchService {

  /** Words of at least four letters or digits are candidates for correction. */
  private static final Pattern CORRECTABLE = Pattern.compile("[\\p{L}\\p{N}]{4,}");

  private static final int MAX_NGRAM = 4;

  private final IndexSearch index;
  private final HybridSearch hybrid;
  private final SemanticSearch semantic;

  public SearchService(IndexSearch index, HybridSearch hybrid, SemanticSearch semantic) {
    this.index = index;
    this.hybrid = hybrid;
    this.semantic = semantic;
  }

  /** The interpretation of a query, shared by /search and the paper list's {@code q}. */
  public record Plan(
      ParsedQuery parsed,
      List<Clause> clauses,
      List<Clause> optional,
      List<Correction> corrections,
      String didYouMean,
      List<String> expansions,
      List<String> identifiers,
      Set<String> unknownWords) {

    boolean matchesNothing() {
      return parsed.hasNoPositiveClause();
    }

    /** The query as written: no synonyms, corrections or fuzzy words (search by meaning). */
    Plan withoutRewrites() {
      return new Plan(
          parsed, parsed.clauses(), List.of(), List.of(), null, List.of(), List.of(), Set.of());
    }
  }

  public Plan plan(String q) {
    ParsedQuery parsed = ParsedQuery.parse(q);
    List<String> expansions = new ArrayList<>();
    Map<String, String> unknown = index.unknownWords(correctable(parsed));
    Map<String, String> corrected = new LinkedHashMap<>();
    unknown.forEach(
        (word, fix) -> {
          if (fix != null) {
            corrected.put(word, fix);
          }
        });
    List<Clause> clauses = new ArrayList<>();
    List<Clause> optional = new ArrayList<>();
    List<Clause> in = parsed.clauses();
    int runEnd = -1;
    for (int i = 0; i < in.size(); i++) {
      // A run of words forming a multi-word synonym adds its forms as an optional phrase clause;
      // the words still count one by one, so "universal graph interatomic potential" is found by
      // "graph network universal interatomic potential" without the exact phrase.
      if (i > runEnd) {
        int run = synonymRun(in, i, expansions, optional);
        if (run > 0) {
          runEnd = i + run - 1;
        }
      }
      Clause c = in.get(i);
      List<Term> terms = new ArrayList<>(c.terms());
      for (Term t : c.terms()) {
        List<String> others = Synonyms.of(t.text());
        if (!others.isEmpty()) {
          expansions.add(t.text() + " → " + String.join(" | ", others));
          others.forEach(o -> terms.add(new Term(o, true)));
        }
        String fix = corrected.get(t.text());
        if (fix != null && !c.negated()) {
          terms.add(new Term(fix, false));
        }
      }
      clauses.add(new Clause(List.copyOf(terms), c.negated()));
    }
    List<Correction> corrections =
        corrected.entrySet().stream().map(e -> new Correction(e.getKey(), e.getValue())).toList();
    String didYouMean = corrections.isEmpty() ? null : rewrite(q, corrected);
    return new Plan(
        parsed,
        List.copyOf(clauses),
        List.copyOf(optional),
        corrections,
        didYouMean,
        expansions,
        identifiers(parsed, corrected),
        unknown.keySet());
  }

  public SearchPage search(SearchRequest r) {
    SearchMode mode = semantic.resolve(r.mode());
    Plan plan = plan(r.q());
    float[] vector = mode == SearchMode.KEYWORD ? null : semantic.queryVector(plan.parsed());
    if (mode == SearchMode.SEMANTIC) {
      // Corrections and synonyms shape the keyword ranking only; by meaning they play no part.
      plan = plan.withoutRewrites();
    }
    Set<SearchType> types = EnumSet.noneOf(SearchType.class);
    types.addAll(r.types());
    if (r.hasPaperFilter()) {
      // year, author, venue, tag, method, dataset and has_code describe papers only.
      types.retainAll(EnumSet.of(SearchType.PAPER));
    }
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    if (types.isEmpty() || plan.matchesNothing()) {
      r.facets().forEach(f -> facets.put(f, List.of()));
      return new SearchPage(
          r.q(),
          plan.didYouMean(),
          plan.corrections(),
          plan.expansions(),
          List.of(),
          null,
          0,
          facets,
          mode.wire(),
          semantic.status());
    }
    IndexSearch.Request request =
        new IndexSearch.Request(
            plan, types, r.hasPaperFilter() ? r.paperFilter() : null, r.facets(), r.facetLimit());
    IndexSearch.Result result =
        switch (mode) {
          case KEYWORD -> index.search(request, r.limit(), r.offset());
          case SEMANTIC -> hybrid.semantic(request, vector, r.limit(), r.offset());
          case HYBRID -> hybrid.hybrid(request, vector, r.limit(), r.offset());
        };
    Map<String, Long> counts = result.countsByType();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<SearchHit> items = result.hits().stream().map(this::toDto).toList();
    for (String f : r.facets()) {
      facets.put(
          f,
          f.equals("type")
              ? counts.entrySet().stream()
                  .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                  .limit(r.facetLimit())
                  .map(e -> new FacetValue(e.getKey(), e.getKey(), e.getValue()))
                  .toList()
              : result.facets().getOrDefault(f, List.of()));
    }
    int next = r.offset() + r.limit();
    String cursor = next < total ? Cursor.encode("relevance", Integer.toString(next)) : null;
    return new SearchPage(
        r.q(),
        plan.didYouMean(),
        plan.corrections(),
        plan.expansions(),
        items,
        cursor,
        total,
        facets,
        mode.wire(),
        semantic.status());
  }

  /**
   * The papers {@code q} matches under {@code filter}, with their relevance in {@code mode} (see
   * {@link #searchMode}); higher values rank first (paper list's q).
   */
  public Map<Long, Float> matchingPapers(String q, PaperFilter filter, SearchMode mode) {
    Plan plan = plan(q);
    if (mode != SearchMode.KEYWORD) {
      float[] vector = semantic.queryVector(plan.parsed());
      return mode == SearchMode.SEMANTIC
          ? hybrid.semanticPapers(vector, filter)
          : hybrid.hybridPapers(plan, vector, filter);
    }
    if (plan.matchesNothing()) {
      return Map.of();
    }
    return index.matchingPapers(plan, filter);
  }

  /** The mode a query runs in: {@code requested} (a wire name) or the default; 503 if unable. */
  public SearchMode searchMode(String requested) {
    return semantic.resolve(requested);
  }

  /** Words of at least four letters, not quoted, excluded or a known synonym. */
  private static List<String> correctable(ParsedQuery parsed) {
    List<String> words = new ArrayList<>();
    for (Clause c : parsed.clauses()) {
      for (Term t : c.terms()) {
        if (!c.negated()
            && !t.quoted()
            && CORRECTABLE.matcher(t.text()).matches()
            && Synonyms.of(t.text()).isEmpty()) {
          words.add(t.text());
        }
      }
    }
    return words;
  }

  /** Merges a run of plain words forming a multi-word synonym ("graph neural network"). */
  private static int synonymRun(
      List<Clause> in, int start, List<String> expansions, List<Clause> out) {
    for (int k = Math.min(Synonyms.longestForm(), in.size() - start); k >= 2; k--) {
      List<String> words = new ArrayList<>();
      for (int j = start; j < start + k; j++) {
        Clause c = in.get(j);
        if (c.negated() || c.terms().size() != 1 || c.terms().get(0).quoted()) {
          break;
        }
        words.add(c.terms().get(0).text());
      }
      if (words.size() != k) {
        continue;
      }
      String phrase = String.join(" ", words).toLowerCase(Locale.ROOT);
      List<String> others = Synonyms.of(phrase);
      if (!others.isEmpty()) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(phrase, true));
        others.forEach(o -> terms.add(new Term(o, true)));
        out.add(new Clause(List.copyOf(terms), false));
        expansions.add(phrase + " → " + String.join(" | ", others));
        return k;
      }
    }
    return 0;
  }

  /** Identifier forms to look up as method / dataset names: the whole query and word runs. */
  private static List<String> identifiers(ParsedQuery parsed, Map<String, String> corrected) {
    Set<String> out = new LinkedHashSet<>();
    List<String> positive = new ArrayList<>();
    for (Clause c : parsed.clauses()) {
      if (c.negated()) {
        continue;
      }
      for (Term t : c.terms()) {
        out.add(ParsedQuery.ident(t.text()));
        if (corrected.containsKey(t.text())) {
          out.add(ParsedQuery.ident(corrected.get(t.text())));
        }
      }
      if (c.terms().size() == 1) {
        positive.add(c.terms().get(0).text());
      }
    }
    for (int n = 2; n <= MAX_NGRAM; n++) {
      for (int i = 0; i + n <= positive.size(); i++) {
        out.add(ParsedQuery.ident(String.join(" ", positive.subList(i, i + n))));
      }
    }
    out.removeIf(s -> s.length() < 2);
    return List.copyOf(out);
  }

  private static String rewrite(String q, Map<String, String> corrected) {
    String out = q;
    for (Map.Entry<String, String> e : corrected.entrySet()) {
      out =
          out.replaceAll(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])",
              Matcher.quoteReplacement(e.getValue()));
    }
    return out;
  }

  private SearchHit toDto(IndexSearch.Hit h) {
    return new SearchHit(
        h.type(),
        h.id(),
        h.title(),
        highlight(h.snippet()),
        Math.round(h.score() * 10000) / 10000.0);
  }

  /** HTML-escapes the snippet, then marks the matched terms: safe to insert as HTML. */
  static String highlight(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 32);
    raw.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case 2 -> out.append("<mark>");
                case 3 -> out.append("</mark>");
                default -> out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
