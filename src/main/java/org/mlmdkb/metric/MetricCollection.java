package org.mlmdkb.metric;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.query.WireNamed;
import org.mlmdkb.curation.CuratedCollection;

/**
 * Metrics as a curated collection, addressed and unique by name. Results refer to a metric by its
 * name, so while live results use a metric it can be neither deleted nor renamed, and a new
 * dimension or range must still hold every one of them.
 */
@Singleton
public class MetricCollection extends CuratedCollection<MetricInput> {

  private final MetricWriteRepository writes;
  private final MetricService metrics;

  public MetricCollection(MetricWriteRepository writes, MetricService metrics, MetricRules rules) {
    super("metrics", "Metric", MetricInput.class, rules, writes);
    this.writes = writes;
    this.metrics = metrics;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return writes.idOf(pathName(ref), includeDeleted);
  }

  /** The name a path gives, in the registry's lower case; 400 when it cannot name a metric. */
  static String pathName(String ref) {
    String name = ref == null ? "" : MetricRules.normalisedName(ref);
    if (!MetricRules.isValidName(name)) {
      throw ApiException.badPathParameter(
          "name", "must be a metric name: letters, digits, '_', '-' or '.'");
    }
    return name;
  }

  @Override
  protected void checkUnique(MetricInput metric, Long id) throws SQLException {
    Optional<SoftDeletable.Holder> holder = writes.holderOfName(metric.name(), id);
    if (holder.isPresent()) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "Another metric has the name '" + metric.name() + "'",
          List.of(
              new Problem.FieldError(
                  "name",
                  "body",
                  "already belongs to another metric"
                      + (holder.get().deleted() ? " (deleted; an admin can restore it)" : ""))));
    }
    if (id != null) {
      // The rules have passed, so a named dimension is a known one.
      Dimension dimension = WireNamed.fromWire(Dimension.class, metric.dimension()).orElse(null);
      checkResultsStillFit(writes.editableState(id).orElseThrow(), metric, dimension);
    }
  }

  /** A change must not detach live results (rename) or put them outside the metric's rules. */
  private void checkResultsStillFit(MetricInput before, MetricInput after, Dimension dimension)
      throws SQLException {
    if (!before.name().equals(after.name())) {
      long used = writes.liveResults(before.name());
      if (used > 0) {
        throw inUse(before.name(), used, "renamed; register the new name as another metric");
      }
    }
    boolean rulesChanged =
        !Objects.equals(before.dimension(), after.dimension())
            || !Objects.equals(before.min(), after.min())
            || !Objects.equals(before.max(), after.max());
    if (rulesChanged) {
      long outside = writes.liveResultsOutside(before.name(), dimension, after.min(), after.max());
      if (outside > 0) {
        String field =
            !Objects.equals(before.dimension(), after.dimension())
                ? "dimension"
                : !Objects.equals(before.min(), after.min()) ? "min" : "max";
        throw new ApiException(
            ProblemType.RESULTS_OUTSIDE_RULES,
            outside
                + " live result(s) of metric '"
                + before.name()
                + "' have a unit of another dimension or a value outside the new range;"
                + " correct or delete them first",
            List.of(
                new Problem.FieldError(field, "body", outside + " live result(s) would not fit")));
      }
    }
  }

  @Override
  public void softDelete(long id) throws SQLException {
    String name = writes.nameOf(id);
    long used = writes.liveResults(name);
    if (used > 0) {
      throw inUse(name, used, "deleted; delete or correct those results first");
    }
    super.softDelete(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return metrics.get(writes.nameOf(id));
  }

  /** Names may hold letters such as κ: the Location header carries them percent-encoded. */
  @Override
  public String location(long id) throws SQLException {
    try {
      return new URI(null, null, "/api/v1/metrics/" + writes.nameOf(id), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("metric name unfit for a path: " + writes.nameOf(id), e);
    }
  }

  private static ApiException inUse(String name, long results, String consequence) {
    String counts = "used by " + results + " live result(s)";
    return new ApiException(
        ProblemType.METRIC_IN_USE,
        "Metric '" + name + "' is " + counts + " and cannot be " + consequence,
        List.of(new Problem.FieldError("name", "path", counts)));
  }
}
