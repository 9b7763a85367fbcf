package org.mlmdkb.result.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mlmdkb.metric.Metric;
import org.mlmdkb.result.ResultRules;

/**
 * The rules' look-ups answered from what {@link ResultImportRepository#lookups} read for all rows
 * of an import at once. A question that was not asked in advance goes to the single look-up, so an
 * answer is never guessed.
 */
final class BatchLookups implements ResultRules.Lookups {

  private final ResultRules.Lookups single;
  private final Set<String> askedMethods;
  private final Set<String> liveMethods;
  private final Set<String> askedDatasets;
  private final Set<String> liveDatasets;
  private final Set<List<String>> askedSubsets;
  private final Set<List<String>> subsets;
  private final Set<String> askedMetrics;
  private final Map<String, Metric> metrics;
  private final Set<Long> askedPapers;
  private final Set<Long> livePapers;
  private final Set<String> askedSources;
  private final Set<String> sources;

  BatchLookups(
      ResultRules.Lookups single,
      Set<String> askedMethods,
      Set<String> liveMethods,
      Set<String> askedDatasets,
      Set<String> liveDatasets,
      Set<List<String>> askedSubsets,
      Set<List<String>> subsets,
      Set<String> askedMetrics,
      Map<String, Metric> metrics,
      Set<Long> askedPapers,
      Set<Long> livePapers,
      Set<String> askedSources,
      Set<String> sources) {
    this.single = single;
    this.askedMethods = askedMethods;
    this.liveMethods = liveMethods;
    this.askedDatasets = askedDatasets;
    this.liveDatasets = liveDatasets;
    this.askedSubsets = askedSubsets;
    this.subsets = subsets;
    this.askedMetrics = askedMetrics;
    this.metrics = metrics;
    this.askedPapers = askedPapers;
    this.livePapers = livePapers;
    this.askedSources = askedSources;
    this.sources = sources;
  }

  @Override
  public boolean methodExists(String slug) throws SQLException {
    return answer(askedMethods, slug, liveMethods::contains, single::methodExists);
  }

  @Override
  public boolean datasetExists(String slug) throws SQLException {
    return answer(askedDatasets, slug, liveDatasets::contains, single::datasetExists);
  }

  @Override
  public boolean subsetExists(String dataset, String subset) throws SQLException {
    return answer(
        askedSubsets,
        List.of(dataset, subset),
        subsets::contains,
        key -> single.subsetExists(dataset, subset));
  }

  @Override
  public Optional<Metric> metric(String resultMetric) throws SQLException {
    return answer(
        askedMetrics, resultMetric, name -> Optional.ofNullable(metrics.get(name)), single::metric);
  }

  @Override
  public boolean livePaperExists(long id) throws SQLException {
    return answer(askedPapers, id, livePapers::contains, single::livePaperExists);
  }

  @Override
  public boolean sourceExists(String id) throws SQLException {
    return answer(askedSources, id, sources::contains, single::sourceExists);
  }

  /** What the batch read about {@code key} when it asked about it, else the single look-up's. */
  private static <K, V> V answer(Set<K> asked, K key, Function<K, V> batch, Single<K, V> single)
      throws SQLException {
    return asked.contains(key) ? batch.apply(key) : single.ask(key);
  }

  /** One question to the single look-up. */
  @FunctionalInterface
  private interface Single<K, V> {
    V ask(K key) throws SQLException;
  }
}
