package org.mlmdkb.paper;

import java.util.ArrayList;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;

/**
 * A tag, method or dataset filter: comma-separated slugs, any of which may match ({@code
 * tag=equivariance,water}), and slugs prefixed with '-' that must not ({@code tag=-water}). Slugs
 * hold no comma, so the comma is free to separate them.
 */
public record SlugChoice(List<String> anyOf, List<String> noneOf) {

  /** At most this many slugs per filter: a request cannot build a huge query. */
  static final int MAX_SLUGS = 20;

  /** The parsed filter, or null when {@code value} is absent; a 400 naming {@code name} if bad. */
  public static SlugChoice parse(String name, String value) {
    List<String> items = QueryParams.list(name, value);
    if (items.isEmpty()) {
      return null;
    }
    if (items.size() > MAX_SLUGS) {
      throw ApiException.badParameter(name, "takes at most " + MAX_SLUGS + " slugs");
    }
    List<String> any = new ArrayList<>();
    List<String> none = new ArrayList<>();
    for (String item : items) {
      boolean negated = item.startsWith("-");
      String slug = negated ? item.substring(1).strip() : item;
      if (slug.isEmpty()) {
        throw ApiException.badParameter(name, "has a '-' without a slug after it");
      }
      (negated ? none : any).add(slug);
    }
    return new SlugChoice(List.copyOf(any), List.copyOf(none));
  }
}
