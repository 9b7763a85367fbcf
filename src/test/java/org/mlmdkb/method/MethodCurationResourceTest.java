package org.mlmdkb.method;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.method.MethodFixtures.body;
import static org.mlmdkb.method.MethodFixtures.create;
import static org.mlmdkb.method.MethodFixtures.etag;
import static org.mlmdkb.method.MethodFixtures.word;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class MethodCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void createAnswers201WithLocationAndEtagThatGetShows() {
    String slug = "qn-" + word();
    Map<String, Object> method = body(slug, List.of("nequip"));
    method.put("slug", "  " + slug.toUpperCase() + " ");
    method.put("training_datasets", List.of("md17", "3bpa", "md17"));
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType(ContentType.JSON)
            .body(method)
            .when()
            .post("/api/v1/methods")
            .then()
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("slug", equalTo(slug))
            .body("family", equalTo("equivariant-message-passing"))
            .body("lineage.parents.slug", contains("nequip"))
            .body("training_datasets", contains("3bpa", "md17"))
            .extract();
    assertEquals("/api/v1/methods/" + slug, URI.create(created.header("Location")).getPath());
    given()
        .when()
        .get("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")))
        .body("name", equalTo("Quokkanet " + slug));
    given()
        .when()
        .get("/api/v1/methods/nequip")
        .then()
        .statusCode(200)
        .body("lineage.children.slug", hasItem(slug));
  }

  @Test
  void createWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(body("qn-" + word(), List.of()))
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void curatorCannotDelete() {
    String key = newKey("curator");
    String slug = create(key, List.of()).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/methods/" + slug)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().when().get("/api/v1/methods/" + slug).then().statusCode(200);
  }

  @Test
  void createListsEveryInvalidFieldWith422() {
    Map<String, Object> method = body("Not A Slug!", List.of("no-such-method-" + word()));
    method.put("name", " ");
    method.put("family", "gaussian-process");
    method.put("year", 1200);
    method.put("parameter_count", 0);
    method.put("code_url", "ftp://example.org/code");
    method.put("training_datasets", List.of("no-such-dataset-" + word()));
    method.put("paper", Map.of("id", 999_999_999, "doi", "not-a-doi"));
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(method)
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.name",
            contains(
                "name",
                "slug",
                "family",
                "year",
                "parameter_count",
                "code_url",
                "paper.doi",
                "parents",
                "training_datasets",
                "paper.id"))
        .body("errors.find { it.name == 'family' }.message", containsString("message-passing"));
  }

  @Test
  void createWithTheSlugOfAnotherMethodIs409() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body("nequip", List.of()))
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.name", contains("slug"));
  }

  @Test
  void createLinksTheIntroducingPaperBothWays() {
    ExtractableResponse<Response> paper =
        CurationFixtures.createPaper(ADMIN_KEY, "Introducing paper " + word());
    int paperId = paper.path("id");
    String doi = paper.path("doi");
    Map<String, Object> method = body("qn-" + word(), List.of());
    method.put("paper", Map.of("id", paperId, "doi", "https://doi.org/" + doi.toUpperCase()));
    String slug =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(method)
            .when()
            .post("/api/v1/methods")
            .then()
            .statusCode(201)
            .body("paper.id", equalTo(paperId))
            .body("paper.doi", equalTo(doi))
            .body("papers.find { it.id == " + paperId + " }.relation", equalTo("introduces"))
            .extract()
            .path("slug");
    given()
        .when()
        .get("/api/v1/papers/" + paperId)
        .then()
        .statusCode(200)
        .body("methods.slug", hasItem(slug));
  }

  @Test
  void putReplacesTheWholeStateAndRenamesTheMethod() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, List.of("nequip"));
    String slug = created.path("slug");
    String renamed = "qn-" + word();
    Map<String, Object> replacement =
        Map.of("slug", renamed, "name", "Renamed " + renamed, "family", "transformer");
    ExtractableResponse<Response> replaced =
        given()
            .header("Authorization", "Bearer " + key)
            .header("If-Match", created.header("ETag"))
            .contentType(ContentType.JSON)
            .body(replacement)
            .when()
            .put("/api/v1/methods/" + slug)
            .then()
            .statusCode(200)
            .body("slug", equalTo(renamed))
            .body("family", equalTo("transformer"))
            .body("aliases", empty())
            .body("code_url", nullValue())
            .body("lineage.parents", empty())
            .body("training_datasets", empty())
            .extract();
    assertEquals(etag(renamed), replaced.header("ETag"));
    given().when().get("/api/v1/methods/" + slug).then().statusCode(404);
  }

  @Test
  void patchMergesAndTheHistoryRecordsBeforeAndAfter() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, List.of());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body("{\"licence\": null, \"year\": 2025, \"parents\": [\"mace\"]}")
        .when()
        .patch("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("licence", nullValue())
        .body("year", equalTo(2025))
        .body("code_url", equalTo("https://example.org/" + slug))
        .body("lineage.parents.slug", contains("mace"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].before.licence", equalTo("MIT"))
        .body("items[1].after.licence", nullValue())
        .body("items[1].after.parents", contains("mace"))
        .body("items[1].collection", equalTo("methods"));
  }

  @Test
  void patchWithoutIfMatchIs428() {
    String key = newKey("curator");
    String slug = create(key, List.of()).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("year", 2020))
        .when()
        .patch("/api/v1/methods/" + slug)
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("errors.name", contains("If-Match"));
  }

  @Test
  void patchWithAStaleIfMatchIs412() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, List.of());
    String slug = created.path("slug");
    String stale = created.header("ETag");
    for (int year : new int[] {2020, 2021}) {
      given()
          .header("Authorization", "Bearer " + key)
          .header("If-Match", stale)
          .contentType(MERGE_PATCH)
          .body(Map.of("year", year))
          .when()
          .patch("/api/v1/methods/" + slug)
          .then()
          .statusCode(year == 2020 ? 200 : 412);
    }
    given().when().get("/api/v1/methods/" + slug).then().body("year", equalTo(2020));
  }

  @Test
  void twoClientsWithTheSameIfMatchGetOneSuccessAndOne412() throws Exception {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, List.of());
    String slug = created.path("slug");
    String etag = created.header("ETag");
    assertEquals(
        List.of(200, 412),
        org.mlmdkb.curation.CurationFixtures.concurrentPatchStatuses(
            key,
            "/api/v1/methods/" + slug,
            etag,
            List.of(Map.of("licence", "Apache-2.0"), Map.of("licence", "BSD-3-Clause"))));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"));
  }

  @Test
  void parentsThatWouldCloseACycleAre422() {
    String key = newKey("curator");
    String grandparent = create(key, List.of()).path("slug");
    String parent = create(key, List.of(grandparent)).path("slug");
    String child = create(key, List.of(parent)).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(grandparent))
        .contentType(MERGE_PATCH)
        .body(Map.of("parents", List.of(child)))
        .when()
        .patch("/api/v1/methods/" + grandparent)
        .then()
        .statusCode(422)
        .body("errors.name", contains("parents"))
        .body("errors[0].message", containsString("cycle"));
    given()
        .when()
        .get("/api/v1/methods/" + grandparent)
        .then()
        .body("lineage.parents", empty())
        .body("lineage.descendants.slug", contains(parent, child));
  }

  @Test
  void supersedesIsStoredAsALinkOfItsOwnRelationAndPatchedAway() {
    String key = newKey("curator");
    String older = create(key, List.of()).path("slug");
    String slug = "qn-" + word();
    Map<String, Object> newer = body(slug, List.of("nequip"));
    newer.put("supersedes", List.of(older.toUpperCase()));
    create(key, newer);
    given()
        .when()
        .get("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .body("lineage.parents.slug", contains("nequip", older))
        .body("lineage.parents.relation", contains("derives_from", "supersedes"));
    given()
        .when()
        .get("/api/v1/methods/" + older)
        .then()
        .body("lineage.children.slug", contains(slug))
        .body("lineage.children[0].relation", equalTo("supersedes"));
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(slug))
        .contentType(MERGE_PATCH)
        .body(Map.of("supersedes", List.of()))
        .when()
        .patch("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .body("lineage.parents.slug", contains("nequip"));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .get("/api/v1/methods/" + slug + "/history")
        .then()
        .body("items[1].before.supersedes", contains(older))
        .body("items[1].after.supersedes", empty())
        .body("items[1].after.parents", contains("nequip"));
  }

  @Test
  void supersedesNamingAParentOrAnUnknownMethodIs422() {
    String key = newKey("curator");
    String older = create(key, List.of()).path("slug");
    Map<String, Object> newer = body("qn-" + word(), List.of(older));
    newer.put("supersedes", List.of(older, "no-such-method-" + word()));
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(newer)
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("supersedes", "supersedes"))
        .body("errors.message", hasItem(containsString("also in parents")))
        .body("errors.message", hasItem(containsString("unknown method 'no-such-method-")));
  }

  @Test
  void supersedesThatWouldCloseACycleIs422() {
    String key = newKey("curator");
    String older = create(key, List.of()).path("slug");
    Map<String, Object> newer = body("qn-" + word(), List.of());
    newer.put("supersedes", List.of(older));
    String slug = create(key, newer).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(older))
        .contentType(MERGE_PATCH)
        .body(Map.of("supersedes", List.of(slug)))
        .when()
        .patch("/api/v1/methods/" + older)
        .then()
        .statusCode(422)
        .body("errors.name", contains("supersedes"))
        .body("errors[0].message", containsString("cycle"));
  }

  @Test
  void aMethodCannotBeItsOwnParent() {
    String key = newKey("curator");
    String slug = create(key, List.of()).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(slug))
        .contentType(MERGE_PATCH)
        .body(Map.of("parents", List.of(slug)))
        .when()
        .patch("/api/v1/methods/" + slug)
        .then()
        .statusCode(422)
        .body("errors.name", contains("parents"));
  }

  @Test
  void deleteIsRefusedWhileBenchmarkResultsReferToTheMethod() {
    String count =
        given()
            .when()
            .get("/api/v1/methods/nequip")
            .then()
            .statusCode(200)
            .extract()
            .path("results_total")
            .toString();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag("nequip"))
        .when()
        .delete("/api/v1/methods/nequip")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(count + " benchmark result(s)"));
    given().when().get("/api/v1/methods/nequip").then().statusCode(200);
  }

  @Test
  void deleteIsRefusedWhileALiveChildDerivesFromTheMethod() {
    String parent = create(ADMIN_KEY, List.of()).path("slug");
    String child = create(ADMIN_KEY, List.of(parent)).path("slug");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(parent))
        .when()
        .delete("/api/v1/methods/" + parent)
        .then()
        .statusCode(409)
        .body("detail", containsString("1 derived method(s) (" + child + ")"));
  }

  @Test
  void deleteHidesTheMethodEverywhereAndRestoreBringsItBack() {
    String parent = create(ADMIN_KEY, List.of()).path("slug");
    ExtractableResponse<Response> created = create(ADMIN_KEY, List.of(parent));
    String slug = created.path("slug");
    String name = created.path("name");
    long methods = stats("methods");
    given()
        .queryParam("q", name)
        .queryParam("type", "method")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(slug));

    MethodFixtures.delete(slug, 204);

    given().when().get("/api/v1/methods/" + slug).then().statusCode(404);
    given()
        .queryParam("q", slug)
        .when()
        .get("/api/v1/methods")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("total", equalTo(0));
    given()
        .queryParam("q", name)
        .queryParam("type", "method")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(slug)));
    given()
        .queryParam("q", name)
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(slug)));
    given()
        .when()
        .get("/api/v1/methods/" + parent)
        .then()
        .body("lineage.children", empty())
        .body("lineage.descendants", empty());
    assertEquals(methods - 1, stats("methods"));

    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/methods/" + slug + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")))
        .body("slug", equalTo(slug));
    given()
        .queryParam("q", slug)
        .when()
        .get("/api/v1/methods")
        .then()
        .body("items.slug", contains(slug));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"));
  }

  @Test
  void restoreIsRefusedWhileAParentIsDeleted() {
    String parent = create(ADMIN_KEY, List.of()).path("slug");
    String child = create(ADMIN_KEY, List.of(parent)).path("slug");
    MethodFixtures.delete(child, 204);
    MethodFixtures.delete(parent, 204);
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/methods/" + child + ":restore")
        .then()
        .statusCode(409)
        .body("detail", containsString(parent));
    given().when().get("/api/v1/methods/" + child).then().statusCode(404);
  }

  @Test
  void createWithTheSlugOfADeletedMethodIs409SayingSo() {
    String slug = create(ADMIN_KEY, List.of()).path("slug");
    MethodFixtures.delete(slug, 204);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(body(slug, List.of()))
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(409)
        .body("errors[0].message", containsString("deleted"));
  }

  @Test
  void historyPagesWithLimitAndCursor() {
    String key = newKey("curator");
    String slug = create(key, List.of()).path("slug");
    for (int year : new int[] {2020, 2021}) {
      given()
          .header("Authorization", "Bearer " + key)
          .header("If-Match", etag(slug))
          .contentType(MERGE_PATCH)
          .body(Map.of("year", year))
          .when()
          .patch("/api/v1/methods/" + slug)
          .then()
          .statusCode(200);
    }
    List<Object> years = new ArrayList<>();
    String cursor = null;
    do {
      var request =
          given()
              .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
              .queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      ExtractableResponse<Response> page =
          request
              .when()
              .get("/api/v1/methods/" + slug + "/history")
              .then()
              .statusCode(200)
              .extract();
      List<Object> items = page.path("items.after.year");
      assertEquals(1, items.size());
      years.addAll(items);
      cursor = page.path("next_cursor");
    } while (cursor != null);
    assertEquals(List.of(2024, 2020, 2021), years);
  }

  @Test
  void putOfTheUnchangedStateRecordsNoHistory() {
    String key = newKey("curator");
    String slug = "qn-" + word();
    ExtractableResponse<Response> created = create(key, body(slug, List.of("nequip")));
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(body(slug, List.of("nequip")))
        .when()
        .put("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/" + slug + "/history")
        .then()
        .body("items.action", contains("create"));
  }

  @Test
  void historyOfAMalformedSlugIs400AndOfAnUnknownOne404() {
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/Not_A_Slug/history")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/methods/no-such-method-" + word() + "/history")
        .then()
        .statusCode(404);
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String etag = etag("nequip");
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/methods/nequip")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void malformedJsonIs400() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body("{\"slug\": ")
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].in", equalTo("body"));
  }

  @Test
  void unknownPropertyIs400NamingIt() {
    Map<String, Object> method = body("qn-" + word(), List.of());
    method.put("colour", "red");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(method)
        .when()
        .post("/api/v1/methods")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("colour"));
  }

  @Test
  void deletedMethodLeavesPaperPagesAndTheirFilters() {
    int paperId = CurationFixtures.createPaper(ADMIN_KEY, "Uses a method " + word()).path("id");
    Map<String, Object> method = body("qn-" + word(), List.of());
    method.put("paper", Map.of("id", paperId));
    String slug = create(ADMIN_KEY, method).path("slug");
    MethodFixtures.delete(slug, 204);
    given()
        .when()
        .get("/api/v1/papers/" + paperId)
        .then()
        .statusCode(200)
        .body("methods.slug", not(hasItem(slug)));
    given()
        .queryParam("method", slug)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void compareRefusesADeletedMethodAsUnknown() {
    String slug = create(ADMIN_KEY, List.of()).path("slug");
    MethodFixtures.delete(slug, 204);
    given()
        .queryParam("dataset", "3bpa")
        .queryParam("methods", "nequip," + slug)
        .when()
        .get("/api/v1/compare")
        .then()
        .statusCode(404)
        .body("detail", containsString(slug));
  }

  private static long stats(String field) {
    return ((Number) given().when().get("/api/v1/stats").then().extract().path(field)).longValue();
  }
}
