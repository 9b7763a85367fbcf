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
import org.apache.lucene.search.Query;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperIndex;
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

  /**
   * Words of at least four letters or digits, one a letter, are candidates for correction; a number
   * (a year) is never a typo of another.
   */
  private static final Pattern CORRECTABLE = Pattern.compile("(?=.*\\p{L})[\\p{L}\\p{N}]{4,}");

  private static final int MAX_NGRAM = 4;

  private final IndexSearch index;
  private final HybridSearch hybrid;
  private final SemanticSearch semantic;
  private final PaperListIndex paperList;

  public SearchService(
      IndexSearch index, HybridSearch hybrid, SemanticSearch semantic, PaperListIndex paperList) {
    this.index = index;
    this.hybrid = hybrid;
    this.semantic = semantic;
    this.paperList = paperList;
  }

  /**
   * The interpretation of a query, shared by /search and the paper list's {@code q}: its clauses
   * with their alternatives (synonyms, corrections, other names), multi-word spans, the identifier
   * forms that name a method or dataset and those items' keys ("method:nequip"), and each word the
   * index does not know with its fuzzy alternative (IndexSearch.typos).
   */
  public record Plan(
      ParsedQuery parsed,
      List<Clause> clauses,
      List<Span> spans,
      List<Correction> corrections,
      String didYouMean,
      List<String> expansions,
      List<String> identifiers,
      List<String> namedEntities,
      Map<String, Query> typos) {

    boolean matchesNothing() {
      return parsed.hasNoPositiveClause();
    }

    /** The query as written: no synonyms, corrections or fuzzy words (search by meaning). */
    Plan withoutRewrites() {
      return asWritten(parsed, Map.of());
    }

    /**
     * {@code parsed} as written, with no synonym, span, correction or named item; the words of
     * {@code typos} still get their fuzzy alternatives.
     */
    static Plan asWritten(ParsedQuery parsed, Map<String, Query> typos) {
      return new Plan(
          parsed,
          parsed.clauses(),
          List.of(),
          List.of(),
          null,
          List.of(),
          List.of(),
          List.of(),
          typos);
    }
  }

  /**
   * Clauses {@code from} to {@code to - 1}, consecutive plain words, that together also match any
   * of {@code forms}: the other forms of a multi-word synonym, or the names of a method or dataset
   * the words name.
   */
  public record Span(int from, int to, List<String> forms) {}

  /** Clauses {@code from} to {@code to - 1}, consecutive. */
  private record Run(int from, int to) {}

  public Plan plan(String q) {
    return plan(q, ParsedQuery.parse(q));
  }

  /** {@link #plan(String)} of {@code q} already parsed. */
  private Plan plan(String q, ParsedQuery parsed) {
    List<String> expansions = new ArrayList<>();
    IndexSearch.Typos typos = index.typos(correctable(parsed));
    Map<String, String> corrected = typos.corrections();
    List<Clause> in = parsed.clauses();
    List<List<Term>> alternatives = new ArrayList<>();
    for (Clause c : in) {
      List<Term> terms = new ArrayList<>(c.terms());
      for (Term t : c.terms()) {
        List<String> forms = Synonyms.whole(t.text());
        if (!forms.isEmpty()) {
          expansions.add(t.text() + " → " + String.join(" | ", forms));
          forms.forEach(f -> terms.add(new Term(f, true)));
        }
        String fix = corrected.get(t.text());
        if (fix != null && !c.negated()) {
          terms.add(new Term(fix, false));
        }
      }
      alternatives.add(terms);
    }
    // A run of words forming a multi-word synonym also matches its other forms; the words still
    // count one by one, so "universal graph interatomic potential" is found by "graph network
    // universal interatomic potential" without the exact phrase.
    List<Span> spans = new ArrayList<>();
    for (Run run : plainRuns(in)) {
      spans.addAll(synonymSpans(in, run, expansions));
    }
    Map<String, Run> identifiers = identifiers(in, corrected);
    List<IndexSearch.NamedEntity> entities =
        longestNames(index.entitiesNamed(identifiers.keySet()), identifiers);
    List<String> named = new ArrayList<>();
    Set<String> namingIdents = new LinkedHashSet<>();
    for (IndexSearch.NamedEntity e : entities) {
      named.add(e.key());
      namingIdents.add(e.ident());
      addNames(e, identifiers.get(e.ident()), in, alternatives, spans, expansions);
    }
    List<Clause> clauses = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      clauses.add(new Clause(List.copyOf(alternatives.get(i)), in.get(i).negated()));
    }
    List<Correction> corrections =
        corrected.entrySet().stream().map(e -> new Correction(e.getKey(), e.getValue())).toList();
    String didYouMean = corrections.isEmpty() ? null : rewrite(q, corrected);
    return new Plan(
        parsed,
        List.copyOf(clauses),
        List.copyOf(spans),
        corrections,
        didYouMean,
        expansions,
        List.copyOf(namingIdents),
        named,
        typos.fuzzy());
  }

  /**
   * The methods and datasets named by the longest runs of words: "revised MD17" names rMD17, not
   * also MD17, whose name is a part of it.
   */
  private static List<IndexSearch.NamedEntity> longestNames(
      List<IndexSearch.NamedEntity> found, Map<String, Run> runs) {
    return found.stream()
        .filter(
            e -> {
              Run r = runs.get(e.ident());
              return found.stream()
                  .map(o -> runs.get(o.ident()))
                  .noneMatch(
                      o ->
                          o.from() <= r.from()
                              && r.to() <= o.to()
                              && o.to() - o.from() > r.to() - r.from());
            })
        .toList();
  }

  /**
   * A method or dataset named by the query is also found under its other names (knowledge graph):
   * "deepmd" finds "Deep Potential", "SOAP" finds "Smooth Overlap of Atomic Positions".
   */
  private static void addNames(
      IndexSearch.NamedEntity e,
      Run run,
      List<Clause> in,
      List<List<Term>> alternatives,
      List<Span> spans,
      List<String> expansions) {
    List<String> forms =
        e.names().stream().filter(n -> !ParsedQuery.ident(n).equals(e.ident())).toList();
    if (forms.isEmpty() || run == null) {
      return;
    }
    List<String> typed = new ArrayList<>();
    for (int i = run.from(); i < run.to(); i++) {
      typed.add(in.get(i).terms().size() == 1 ? in.get(i).terms().get(0).text() : e.ident());
    }
    expansions.add(String.join(" ", typed) + " → " + String.join(" | ", forms));
    if (run.to() - run.from() == 1) {
      forms.forEach(f -> alternatives.get(run.from()).add(new Term(f, true)));
    } else {
      spans.add(new Span(run.from(), run.to(), forms));
    }
  }

  public SearchPage search(SearchRequest r) {
    SearchMode mode = semantic.resolve(r.mode());
    ParsedQuery parsed = ParsedQuery.parse(r.q());
    // The embedding runs beside the planning and the keyword part, which do not need it.
    SideLane.Part<float[]> vector =
        mode == SearchMode.KEYWORD ? null : semantic.startQueryVector(parsed);
    Plan plan = plan(r.q(), parsed);
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
      if (vector != null) {
        vector.join(); // an embedding that fails answers as it would have before any planning
      }
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
          case SEMANTIC -> hybrid.semantic(request, vector.join(), r.limit(), r.offset());
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
   * A page of the paper list (ids, exact total, next cursor): the papers under {@code filter} and,
   * with its q, those q matches in {@code mode} (see {@link #searchMode}), ranked as on /search.
   */
  public PaperIndex.Page listPapers(PaperFilter filter, SearchMode mode) {
    if (filter.q() == null) {
      return paperList.list(filter, (Query) null);
    }
    ParsedQuery parsed = ParsedQuery.parse(filter.q());
    if (mode == SearchMode.SEMANTIC) {
      // By meaning the matches are a bounded set of candidates, scored outside the index.
      return paperList.list(filter, hybrid.semanticPapers(semantic.queryVector(parsed), filter));
    }
    // The embedding runs beside the planning and the keyword head, which do not need it.
    SideLane.Part<float[]> vector =
        mode == SearchMode.HYBRID ? semantic.startQueryVector(parsed) : null;
    Plan plan = plan(filter.q(), parsed);
    IndexSearch.TextQuery text = plan.matchesNothing() ? null : index.textQuery(plan);
    // The filters are the list's own; the request carries the plan's boosts and exclusions.
    IndexSearch.Request request =
        new IndexSearch.Request(plan, Set.of(SearchType.PAPER), null, Set.of(), 0);
    // The unscored match query matches what the ranked query matches (IndexSearchCountTest):
    // cheaper to count, and cheaper still before the paper type restricts it (the list counts
    // papers among its matches).
    Query ranked = text == null ? null : index.fullQuery(request, text);
    Query counted = text == null ? null : index.matchAnyType(request, text);
    if (vector != null) {
      return paperList.list(filter, hybrid.hybridHead(plan, text, vector, filter), ranked, counted);
    }
    if (text == null) {
      return paperList.list(filter, Map.of());
    }
    return paperList.list(filter, ranked, counted, index.rankedAnyType(request, text));
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
            && Synonyms.whole(t.text()).isEmpty()) {
          words.add(t.text());
        }
      }
    }
    return words;
  }

  private static boolean plainWord(Clause c) {
    return !c.negated() && c.terms().size() == 1 && !c.terms().get(0).quoted();
  }

  /** Maximal runs of two or more consecutive plain words (not quoted, negated or OR-ed). */
  private static List<Run> plainRuns(List<Clause> in) {
    List<Run> runs = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= in.size(); i++) {
      if (i == in.size() || !plainWord(in.get(i))) {
        if (i - start >= 2) {
          runs.add(new Run(start, i));
        }
        start = i + 1;
      }
    }
    return runs;
  }

  /** The multi-word synonyms the synonym filter finds in a run of plain words. */
  private static List<Span> synonymSpans(List<Clause> in, Run run, List<String> expansions) {
    StringBuilder text = new StringBuilder();
    int[] starts = new int[run.to() - run.from()];
    for (int i = run.from(); i < run.to(); i++) {
      if (text.length() > 0) {
        text.append(' ');
      }
      starts[i - run.from()] = text.length();
      text.append(in.get(i).terms().get(0).text());
    }
    List<Span> out = new ArrayList<>();
    for (Synonyms.Match m : Synonyms.find(text.toString())) {
      int first = -1;
      int last = -1;
      for (int w = 0; w < starts.length; w++) {
        int end = w + 1 < starts.length ? starts[w + 1] - 1 : text.length();
        if (starts[w] < m.end() && end > m.start()) {
          first = first < 0 ? w : first;
          last = w;
        }
      }
      if (first >= 0 && last > first) {
        out.add(new Span(run.from() + first, run.from() + last + 1, m.forms()));
        expansions.add(
            text.substring(starts[first], m.end()).toLowerCase(Locale.ROOT)
                + " → "
                + String.join(" | ", m.forms()));
      }
    }
    return out;
  }

  /**
   * Identifier forms to look up as method / dataset names, with the clauses spelling each: every
   * positive term (and its correction), and runs of up to four plain words ("revised MD17").
   */
  private static Map<String, Run> identifiers(List<Clause> in, Map<String, String> corrected) {
    Map<String, Run> out = new LinkedHashMap<>();
    for (int i = 0; i < in.size(); i++) {
      Clause c = in.get(i);
      if (c.negated()) {
        continue;
      }
      for (Term t : c.terms()) {
        out.putIfAbsent(ParsedQuery.ident(t.text()), new Run(i, i + 1));
        if (corrected.containsKey(t.text())) {
          out.putIfAbsent(ParsedQuery.ident(corrected.get(t.text())), new Run(i, i + 1));
        }
      }
    }
    for (Run run : plainRuns(in)) {
      for (int n = 2; n <= MAX_NGRAM; n++) {
        for (int i = run.from(); i + n <= run.to(); i++) {
          StringBuilder words = new StringBuilder();
          for (int j = i; j < i + n; j++) {
            words.append(in.get(j).terms().get(0).text()).append(' ');
          }
          out.putIfAbsent(ParsedQuery.ident(words.toString()), new Run(i, i + n));
        }
      }
    }
    out.keySet().removeIf(s -> s.length() < 2);
    return out;
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
