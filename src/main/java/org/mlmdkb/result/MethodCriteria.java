package org.mlmdkb.result;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.common.query.YearRange;

/**
 * Filters on the methods behind a board's results: training data, openness, size, year and lineage.
 * Empty lists and nulls mean "any".
 *
 * @param trainedOn dataset slugs the method was trained on, every one of them
 * @param trainedOnlyOn dataset slugs that hold all of the method's training data (at least one)
 * @param lineage a method slug: that method and every method derived from it, transitively
 */
public record MethodCriteria(
    List<String> trainedOn,
    List<String> trainedOnlyOn,
    Openness openness,
    CountRange params,
    YearRange year,
    String lineage) {

  static final MethodCriteria NONE =
      new MethodCriteria(List.of(), List.of(), null, null, new YearRange(null, null), null);

  static final Set<String> PARAMETERS =
      Set.of("trained_on", "trained_only_on", "openness", "params", "year", "lineage");

  /** More datasets than any method in the corpus was trained on (three). */
  private static final int MAX_DATASETS = 20;

  static MethodCriteria parse(MultivaluedMap<String, String> q) {
    return new MethodCriteria(
        slugs("trained_on", q.getFirst("trained_on")),
        slugs("trained_only_on", q.getFirst("trained_only_on")),
        Openness.parse(QueryParams.oneOf("openness", q.getFirst("openness"), Openness.WIRE)),
        CountRange.parse("params", q.getFirst("params")),
        YearRange.parse("year", q.getFirst("year")),
        slug("lineage", q.getFirst("lineage")));
  }

  boolean isEmpty() {
    return trainedOn.isEmpty()
        && trainedOnlyOn.isEmpty()
        && openness == null
        && params == null
        && year.from() == null
        && year.to() == null
        && lineage == null;
  }

  /** Every dataset slug the criteria name, to check they exist. */
  List<String> datasetSlugs() {
    List<String> all = new ArrayList<>(trainedOn);
    trainedOnlyOn.stream().filter(s -> !all.contains(s)).forEach(all::add);
    return all;
  }

  private static List<String> slugs(String name, String value) {
    List<String> slugs =
        QueryParams.list(name, value).stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    if (slugs.size() > MAX_DATASETS) {
      throw ApiException.badParameter(
          name, "names " + slugs.size() + " datasets; at most " + MAX_DATASETS);
    }
    List<String> malformed = slugs.stream().filter(s -> !Slugs.isValid(s)).toList();
    if (!malformed.isEmpty()) {
      throw ApiException.badParameter(
          name,
          "must list dataset slugs (lower-case letters and digits joined by '-' or '.'); not slugs: "
              + malformed.stream().map(QueryParams::shorten).toList());
    }
    return slugs;
  }

  private static String slug(String name, String value) {
    String text = QueryParams.text(name, value);
    if (text == null) {
      return null;
    }
    String slug = text.toLowerCase(Locale.ROOT);
    if (!Slugs.isValid(slug)) {
      throw ApiException.badParameter(
          name, "must be a method slug, was '" + QueryParams.shorten(text) + "'");
    }
    return slug;
  }
}
