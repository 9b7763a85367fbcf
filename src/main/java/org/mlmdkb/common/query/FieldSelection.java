package org.mlmdkb.common.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Page;

/** Applies {@code fields=a,b} to a page: each item keeps {@code id} and the named properties. */
@ApplicationScoped
public class FieldSelection {

  private final ObjectMapper json;

  public FieldSelection(ObjectMapper json) {
    this.json = json;
  }

  public JsonNode apply(Page<?> page, List<String> fields, List<String> selectable) {
    ObjectNode body = json.valueToTree(page);
    if (fields.isEmpty()) {
      return body;
    }
    List<String> unknown = new ArrayList<>(fields);
    unknown.removeAll(selectable);
    if (!unknown.isEmpty()) {
      throw ApiException.badParameter(
          "fields", "names unknown properties " + unknown + "; selectable: " + selectable);
    }
    Set<String> keep = new LinkedHashSet<>(fields);
    keep.add("id");
    body.withArray("items").forEach(item -> ((ObjectNode) item).retain(keep));
    return body;
  }
}
