package org.mlmdkb.common.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Page;

/** Applies {@code fields=a,b} to a page: each item keeps {@code id} and the named properties. */
@ApplicationScoped
public class FieldSelection {

  private final ObjectMapper json;

  public FieldSelection(ObjectMapper json) {
    // Exact decimals: the default node factory strips trailing zeros, so 2500 would come out as
    // 2.5E+3 and 20 as 2E+1 in a selected field.
    this.json = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  }

  public JsonNode apply(Page<?> page, List<String> fields, List<String> selectable) {
    return apply(page, "items", fields, selectable, "id");
  }

  /**
   * The common case of a list endpoint: {@code fields}, the raw query parameter, applied to {@code
   * body}'s {@code items}, records of type {@code item} identified by {@code key}.
   */
  public JsonNode items(Object body, String fields, Class<? extends Record> item, String key) {
    return apply(body, "items", QueryParams.list("fields", fields), propertiesOf(item), key);
  }

  /** As below, with one identifying property. */
  public JsonNode apply(
      Object body, String list, List<String> fields, List<String> selectable, String key) {
    return apply(body, list, fields, selectable, List.of(key));
  }

  /**
   * Applies {@code fields} to the objects of {@code body}'s array {@code list}: each keeps {@code
   * keys} (what identifies it: id, slug, method, or a board's fingerprint parts) and the named
   * properties; an unknown name is a 400 listing the selectable ones.
   */
  public JsonNode apply(
      Object body, String list, List<String> fields, List<String> selectable, List<String> keys) {
    ObjectNode tree = json.valueToTree(body);
    if (fields.isEmpty()) {
      return tree;
    }
    List<String> unknown = new ArrayList<>(fields);
    unknown.removeAll(selectable);
    if (!unknown.isEmpty()) {
      throw ApiException.badParameter(
          "fields", "names unknown properties " + unknown + "; selectable: " + selectable);
    }
    Set<String> keep = new LinkedHashSet<>(fields);
    keep.addAll(keys);
    tree.withArray(list).forEach(item -> ((ObjectNode) item).retain(keep));
    return tree;
  }

  /** The JSON (snake_case) names of a record's components: what {@code fields=} may select. */
  public static List<String> propertiesOf(Class<? extends Record> item) {
    return java.util.Arrays.stream(item.getRecordComponents())
        .map(c -> c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
        .toList();
  }
}
