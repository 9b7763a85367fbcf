package org.mlmdkb.result;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Requests one board the way the tests describe it: a map of filters that names the dataset. */
public final class Boards {

  private Boards() {}

  /** GET {@code /api/v1/leaderboards/{dataset}} with the other entries as query parameters. */
  public static Response get(RequestSpecification request, Map<String, ?> params) {
    Map<String, Object> query = new HashMap<>(params);
    Object dataset = query.remove("dataset");
    if (dataset == null) {
      throw new IllegalArgumentException("a board needs a dataset: " + params);
    }
    return request.queryParams(query).when().get("/api/v1/leaderboards/{dataset}", dataset);
  }
}
