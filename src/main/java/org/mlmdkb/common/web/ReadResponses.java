package org.mlmdkb.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.query.FieldSelection;

/**
 * What a read endpoint answers with: a list narrowed by {@code fields=} (see {@link
 * FieldSelection}), or one item with a strong ETag and 304 on a matching If-None-Match (see {@link
 * EntityTags}).
 */
@ApplicationScoped
public class ReadResponses {

  private final EntityTags tags;
  private final FieldSelection selection;

  public ReadResponses(EntityTags tags, FieldSelection selection) {
    this.tags = tags;
    this.selection = selection;
  }

  /** {@code fields}, the raw query parameter, applied to {@code body}'s {@code items}. */
  public JsonNode items(Object body, String fields, Class<? extends Record> item, String key) {
    return selection.items(body, fields, item, key);
  }

  /** See {@link FieldSelection#apply(Page, List, List)}. */
  public JsonNode select(Page<?> page, List<String> fields, List<String> selectable) {
    return selection.apply(page, fields, selectable);
  }

  /** See {@link FieldSelection#apply(Object, String, List, List, String)}. */
  public JsonNode select(
      Object body, String list, List<String> fields, List<String> selectable, String key) {
    return selection.apply(body, list, fields, selectable, key);
  }

  /** 200 with the body's strong ETag, or 304 when If-None-Match names it. */
  public Response.ResponseBuilder conditionalGet(Object body, Request request) {
    return tags.conditionalGet(body, request);
  }
}
