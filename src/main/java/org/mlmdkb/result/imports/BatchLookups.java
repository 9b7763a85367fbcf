package org.mlmdkb.result.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    return askedMethods.contains(slug) ? liveMethods.contains(slug) : single.methodExists(slug);
  }

  @Override
  public boolean datasetExists(String slug) throws SQLException {
    return askedDatasets.contains(slug) ? liveDatasets.contains(slug) : single.datasetExists(slug);
  }

  @Override
  public boolean subsetExists(String dataset, String subset) throws SQLException {
    List<String> key = List.of(dataset, subset);
    return askedSubsets.contains(key)
        ? subsets.contains(key)
        : single.subsetExists(dataset, subset);
  }

  @Override
  public Optional<Metric> metric(String resultMetric) throws SQLException {
    return askedMetrics.contains(resultMetric)
        ? Optional.ofNullable(metrics.get(resultMetric))
        : single.metric(resultMetric);
  }

  @Override
  public boolean livePaperExists(long id) throws SQLException {
    return askedPapers.contains(id) ? livePapers.contains(id) : single.livePaperExists(id);
  }

  @Override
  public boolean sourceExists(String id) throws SQLException {
    return askedSources.contains(id) ? sources.contains(id) : single.sourceExists(id);
  }
}
