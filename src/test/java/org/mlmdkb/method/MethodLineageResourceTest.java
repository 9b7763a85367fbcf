package org.mlmdkb.method;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.method.MethodFixtures.body;
import static org.mlmdkb.method.MethodFixtures.create;
import static org.mlmdkb.method.MethodFixtures.word;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.SvgTexts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A method's lineage graph, as JSON and as an SVG drawing (GET /api/v1/methods/{slug}/lineage). */
@QuarkusTest
class MethodLineageResourceTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  private static String lineage(String slug) {
    return "/api/v1/methods/" + slug + "/lineage";
  }

  private static byte[] svg(String slug) {
    return given()
        .queryParam("format", "svg")
        .when()
        .get(lineage(slug))
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .extract()
        .asByteArray();
  }

  /** What a box shows of a name: all of it, or its start and an ellipsis. */
  private static String drawn(String name) {
    return name.codePointCount(0, name.length()) <= LineageChart.MAX_NAME_LENGTH
        ? name
        : name.substring(0, name.offsetByCodePoints(0, LineageChart.MAX_NAME_LENGTH - 1)) + "…";
  }

  @Test
  void jsonHoldsTheMethodItsRelativesAndTheLinksAmongThem() {
    JsonPath detail =
        given().get("/api/v1/methods/mace").then().statusCode(200).extract().jsonPath();
    List<String> relatives = new ArrayList<>(detail.getList("lineage.ancestors.slug"));
    relatives.addAll(detail.getList("lineage.descendants.slug"));
    JsonPath graph =
        given()
            .when()
            .get(lineage("mace"))
            .then()
            .statusCode(200)
            .contentType(startsWith("application/json"))
            .header("ETag", startsWith("\""))
            .body("method", equalTo("mace"))
            .body("depth", equalTo(MethodService.MAX_LINEAGE_DEPTH))
            .body("nodes.find { it.slug == 'mace' }.generation", equalTo(0))
            .body("nodes.find { it.slug == 'ace' }.generation", equalTo(-1))
            .body("nodes.find { it.slug == 'mace-mp-0' }.generation", equalTo(1))
            .body("nodes.find { it.slug == 'mace' }.year", equalTo(2022))
            .body(
                "edges",
                hasItem(Map.of("parent", "ace", "child", "mace", "relation", "derives_from")))
            .body(
                "edges",
                hasItem(Map.of("parent", "mace", "child", "mace-mp-0", "relation", "derives_from")))
            .extract()
            .jsonPath();
    List<String> slugs = graph.getList("nodes.slug");
    assertEquals(relatives.size() + 1, slugs.size(), slugs.toString());
    assertTrue(slugs.containsAll(relatives), slugs.toString());
    // Every link joins two members of the graph.
    for (Map<String, String> e : graph.<Map<String, String>>getList("edges")) {
      assertTrue(slugs.contains(e.get("parent")) && slugs.contains(e.get("child")), e.toString());
    }
  }

  @Test
  void nodesComeByGenerationThenSlug() {
    List<Integer> generations =
        given()
            .get(lineage("nequip"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("nodes.generation");
    List<Integer> sorted = new ArrayList<>(generations);
    sorted.sort(null);
    assertEquals(sorted, generations);
  }

  @Test
  void depthLimitsTheGenerationsWalked() {
    given()
        .queryParam("depth", 1)
        .when()
        .get(lineage("mace"))
        .then()
        .statusCode(200)
        .body("depth", equalTo(1))
        .body("nodes.slug", hasItem("tfn"))
        .body("nodes.generation", not(hasItem(-2)))
        .body("nodes.generation", not(hasItem(2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mace", "nequip", "behler-parrinello"})
  void svgParsesAsXmlAndShowsEveryMembersName(String slug) throws Exception {
    List<String> names =
        given()
            .get(lineage(slug))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("nodes.name");
    List<String> texts = SvgTexts.texts(svg(slug));
    for (String name : names) {
      assertTrue(texts.contains(drawn(name)), "no box for " + name + " in " + texts);
    }
  }

  @Test
  void svgGroupsEachMethodUnderItsSlugAndMarksTheMethodItself() throws Exception {
    Document doc = SvgTexts.parse(svg("mace"));
    List<Element> groups =
        SvgTexts.elements(doc, "g").stream()
            .filter(g -> g.getAttribute("id").startsWith("method-"))
            .toList();
    List<String> slugs =
        given().get(lineage("mace")).then().extract().jsonPath().getList("nodes.slug");
    assertEquals(
        slugs.stream().map(s -> "method-" + s).sorted().toList(),
        groups.stream().map(g -> g.getAttribute("id")).sorted().toList());
    Element focus =
        groups.stream().filter(g -> g.getAttribute("id").equals("method-mace")).findFirst().get();
    assertEquals("lineage-method focus", focus.getAttribute("class"));
  }

  @Test
  void acceptHeaderAsksForSvgAndFormatOverridesIt() {
    given()
        .accept("image/svg+xml")
        .when()
        .get(lineage("nequip"))
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .body(containsString("<svg"));
    given()
        .accept("image/svg+xml, application/json;q=0.5")
        .queryParam("format", "json")
        .when()
        .get(lineage("nequip"))
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("method", equalTo("nequip"));
  }

  @Test
  void acceptingNeitherJsonNorSvgIs406() {
    given()
        .accept("text/csv")
        .when()
        .get(lineage("nequip"))
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"svg", "json"})
  void sameLineageGivesTheSameEtagAndA304WhenItIsSentBack(String format) {
    Response first = given().queryParam("format", format).when().get(lineage("mace"));
    String etag = first.getHeader("ETag");
    assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
    assertEquals("no-cache", first.getHeader("Cache-Control"));
    assertEquals(
        etag, given().queryParam("format", format).when().get(lineage("mace")).getHeader("ETag"));
    given()
        .queryParam("format", format)
        .header("If-None-Match", etag)
        .when()
        .get(lineage("mace"))
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void aChangedLineageChangesTheEtag() {
    String key = newKey("curator");
    String root = create(key, List.of()).path("slug");
    String before = given().queryParam("format", "svg").get(lineage(root)).getHeader("ETag");
    create(key, List.of(root));
    given()
        .queryParam("format", "svg")
        .header("If-None-Match", before)
        .when()
        .get(lineage(root))
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(before)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"svg", "json"})
  void unknownSlugIs404Problem(String format) {
    given()
        .queryParam("format", format)
        .when()
        .get(lineage("no-such-method-" + word()))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void malformedSlugIs400() {
    given()
        .when()
        .get(lineage("Not_A_Slug"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("slug"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"depth=0", "depth=21", "depth=two", "format=csv", "layout=radial"})
  void badQueryIs400NamingTheParameter(String query) {
    given()
        .when()
        .get(lineage("mace") + "?" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(query.substring(0, query.indexOf('='))));
  }

  @Test
  void namesAreEscapedAndDrawnAsWritten() throws Exception {
    String key = newKey("curator");
    String root = "qn-" + word();
    String name = "Q<&>\"' net " + root;
    Map<String, Object> body = body(root, List.of());
    body.put("name", name);
    create(key, body);
    String child = create(key, List.of(root)).path("slug");
    byte[] svg = svg(child);
    String raw = new String(svg, StandardCharsets.UTF_8);
    assertFalse(raw.contains("Q<&>"), "unescaped name in the SVG");
    assertTrue(SvgTexts.texts(svg).contains(name), "name not drawn as written");
  }

  @Test
  void supersedesLinksAreTypedInJsonAndDashedInSvg() throws Exception {
    String key = newKey("curator");
    String older = create(key, List.of()).path("slug");
    Map<String, Object> newer = body("qn-" + word(), List.of());
    newer.put("supersedes", List.of(older));
    String slug = create(key, newer).path("slug");
    given()
        .get(lineage(older))
        .then()
        .statusCode(200)
        .body("edges", contains(Map.of("parent", older, "child", slug, "relation", "supersedes")));
    Document doc = SvgTexts.parse(svg(older));
    // JFreeSVG writes a path's stroke on the group around it; the dashed path is the link.
    long dashed =
        SvgTexts.elements(doc, "path").stream()
            .filter(
                p ->
                    (p.getAttribute("style") + ((Element) p.getParentNode()).getAttribute("style"))
                        .contains("stroke-dasharray"))
            .count();
    long dashedLegend =
        SvgTexts.elements(doc, "line").stream()
            .filter(l -> l.getAttribute("style").contains("stroke-dasharray"))
            .count();
    assertEquals(1, dashed);
    assertEquals(1, dashedLegend);
  }

  @Test
  void deletedMethodsNeverAppear() {
    String key = newKey("curator");
    String root = create(key, List.of()).path("slug");
    String kept = create(key, List.of(root)).path("slug");
    String gone = create(key, List.of(kept)).path("slug");
    MethodFixtures.delete(gone, 204);
    given()
        .get(lineage(root))
        .then()
        .statusCode(200)
        .body("nodes.slug", contains(root, kept))
        .body("edges.child", contains(kept));
    given().get(lineage(gone)).then().statusCode(404);
  }

  @Test
  void aCycleWrittenAroundTheRulesIsStillDrawn() throws Exception {
    // Writes refuse cycles; this one is written in SQL, as a damaged or hand-edited corpus could.
    String key = newKey("curator");
    String a = create(key, List.of()).path("slug");
    String b = create(key, List.of(a)).path("slug");
    String closeCycle =
        "INSERT INTO method_lineage (child_id, parent_id)"
            + " SELECT c.id, p.id FROM method c, method p WHERE c.slug = ? AND p.slug = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(closeCycle)) {
      ps.setString(1, a);
      ps.setString(2, b);
      assertEquals(1, ps.executeUpdate());
    }
    try {
      given().get(lineage(a)).then().statusCode(200).body("edges.parent", containsInAnyOrder(a, b));
      List<String> texts = SvgTexts.texts(svg(a));
      assertTrue(
          texts.contains("Quokkanet " + a) && texts.contains("Quokkanet " + b), texts.toString());
    } finally {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM method_lineage l USING method c, method p"
                      + " WHERE l.child_id = c.id AND l.parent_id = p.id"
                      + " AND c.slug = ? AND p.slug = ?")) {
        ps.setString(1, a);
        ps.setString(2, b);
        ps.executeUpdate();
      }
    }
  }

  @Test
  void lineageOfMoreMethodsThanAGraphShowsIs400NamingDepth() {
    // A root with one child that has 60 children: 62 methods within two generations.
    String key = newKey("curator");
    String root = create(key, List.of()).path("slug");
    String hub = create(key, List.of(root)).path("slug");
    Stream.generate(() -> hub)
        .limit(MethodService.MAX_LINEAGE_METHODS)
        .forEach(parent -> create(key, List.of(parent)));
    for (String format : List.of("json", "svg")) {
      given()
          .queryParam("format", format)
          .when()
          .get(lineage(root))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].name", equalTo("depth"))
          .body("detail", containsString("more than " + MethodService.MAX_LINEAGE_METHODS));
    }
    given()
        .queryParam("depth", 1)
        .when()
        .get(lineage(root))
        .then()
        .statusCode(200)
        .body("nodes.slug", contains(root, hub));
  }
}
