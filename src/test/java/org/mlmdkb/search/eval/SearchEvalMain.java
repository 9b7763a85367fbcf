package org.mlmdkb.search.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The relevance bench ({@code src/bench/search-eval/run.sh}): scores the running service and the
 * stock BM25 baseline on the judged set and prints one table, category × metric × engine.
 *
 * <p>Arguments: {@code --url http://localhost:18231} (omit to score the baseline alone), {@code
 * --endpoint search|papers}, {@code --modes keyword,semantic,hybrid} (one engine per mode; omit for
 * the service's default), {@code --judged <dir>}, {@code --corpus <papers.json>}, {@code
 * --per-query}.
 */
public final class SearchEvalMain {

  private record Options(
      String url,
      ServiceSearch.Endpoint endpoint,
      List<String> modes,
      Path judged,
      Path corpus,
      boolean perQuery) {

    static Options parse(String[] args) {
      String url = null;
      ServiceSearch.Endpoint endpoint = ServiceSearch.Endpoint.SEARCH;
      Path judged = JudgedSet.DEFAULT_DIR;
      Path corpus = SeedCorpus.DEFAULT_FILE;
      boolean perQuery = false;
      List<String> modes = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> url = args[++i];
          case "--endpoint" ->
              endpoint = ServiceSearch.Endpoint.valueOf(args[++i].toUpperCase(Locale.ROOT));
          case "--judged" -> judged = Path.of(args[++i]);
          case "--corpus" -> corpus = Path.of(args[++i]);
          case "--per-query" -> perQuery = true;
          case "--modes" -> modes = List.of(args[++i].split(","));
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      return new Options(url, endpoint, modes, judged, corpus, perQuery);
    }
  }

  private SearchEvalMain() {}

  public static void main(String[] args) {
    Options options = Options.parse(args);
    SeedCorpus corpus = SeedCorpus.load(options.corpus());
    JudgedSet judged = JudgedSet.load(options.judged());
    List<String> engines = new ArrayList<>();
    List<PaperSearch> searches = new ArrayList<>();
    if (options.url() != null && options.modes().isEmpty()) {
      engines.add("service");
      searches.add(new ServiceSearch(options.url(), options.endpoint(), corpus));
    }
    for (String mode : options.url() == null ? List.<String>of() : options.modes()) {
      engines.add(mode);
      searches.add(new ServiceSearch(options.url(), options.endpoint(), corpus, mode));
    }
    engines.add("bm25");
    searches.add(Bm25Baseline.index(corpus));

    List<Scorecard> cards = new ArrayList<>();
    searches.forEach(s -> cards.add(new Scorecard()));
    PrintStream out = System.out;
    for (JudgedQuery query : judged.queries()) {
      StringBuilder line =
          new StringBuilder(String.format("%-4s %-13s", query.id(), query.category()));
      for (int e = 0; e < searches.size(); e++) {
        List<String> ranked = searches.get(e).topKeys(query.text());
        cards.get(e).record(query, ranked);
        line.append(
            String.format(
                " %s nDCG %.3f (%2d hits)",
                engines.get(e), RelevanceMetrics.ndcg(query, ranked), ranked.size()));
      }
      if (options.perQuery()) {
        out.println(line + "  " + query.text());
      }
    }
    printTable(out, judged, engines, cards, options);
  }

  private static void printTable(
      PrintStream out,
      JudgedSet judged,
      List<String> engines,
      List<Scorecard> cards,
      Options options) {
    List<Map<String, Scorecard.Scores>> scores = new ArrayList<>();
    cards.forEach(c -> scores.add(c.byCategory(judged.categories())));
    out.printf(
        "%nRelevance on %d judged queries (%s), top %d papers%n",
        judged.queries().size(),
        options.url() == null
            ? "baseline only"
            : options.url() + " " + options.endpoint().name().toLowerCase(Locale.ROOT),
        RelevanceMetrics.CUTOFF);
    StringBuilder header =
        new StringBuilder(String.format("%-13s %7s  %-10s", "category", "queries", "metric"));
    engines.forEach(e -> header.append(String.format(" %8s", e)));
    out.println(header);
    for (String category : scores.get(0).keySet()) {
      int n = scores.get(0).get(category).queries();
      row(out, category, Integer.toString(n), "nDCG@10", scores, category, Scorecard.Scores::ndcg);
      row(out, "", "", "MRR@10", scores, category, Scorecard.Scores::mrr);
      row(out, "", "", "Recall@10", scores, category, Scorecard.Scores::recall);
      StringBuilder empty =
          new StringBuilder(String.format("%-13s %7s  %-10s", "", "", "no paper"));
      scores.forEach(s -> empty.append(String.format(" %8d", s.get(category).empty())));
      out.println(empty);
    }
  }

  private static void row(
      PrintStream out,
      String category,
      String queries,
      String metric,
      List<Map<String, Scorecard.Scores>> scores,
      String key,
      ToDoubleFunction<Scorecard.Scores> value) {
    StringBuilder line =
        new StringBuilder(String.format("%-13s %7s  %-10s", category, queries, metric));
    scores.forEach(s -> line.append(String.format(" %8.3f", value.applyAsDouble(s.get(key)))));
    out.println(line);
  }
}
