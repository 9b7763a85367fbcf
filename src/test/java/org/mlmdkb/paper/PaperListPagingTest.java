package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.deleteAsAdmin;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.search.SearchIndex;
import org.mlmdkb.search.semantic.EmbeddingWorker;
import org.mlmdkb.search.semantic.TextEmbedder;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.SemanticTestSupport;

/**
 * The paper list as the index serves it: order, keyset paging, exact totals and filters, checked
 * against PostgreSQL, the source of truth.
 */
@QuarkusTest
class PaperListPagingTest extends ApiTest {

  private static final String FILTERED = "p.year BETWEEN 2019 AND 2023 AND p.code_url IS NULL";

  @Inject AgroalDataSource dataSource;
  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;
  @Inject SearchIndex index;

  /**
   * Relevance pages are keyed by score, and a score moves when the index changes (the background
   * embedding rewrites every document once): wait for a still index first.
   */
  private void awaitStillIndex() throws InterruptedException {
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
  }

  /** One page: its ids, the total it reports and the next cursor. */
  private record Page(List<Long> ids, long total, String next) {}

  private static Page page(Map<String, String> params, String cursor) {
    Map<String, Object> query = new LinkedHashMap<>(params);
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    JsonPath body =
        given()
            .queryParams(query)
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return new Page(
        body.getList("items.id", Long.class), body.getLong("total"), body.get("next_cursor"));
  }

  /** Every page, following next_cursor; each page's total must be the same. */
  private static List<Page> allPages(Map<String, String> params) {
    List<Page> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page p = page(params, cursor);
      pages.add(p);
      cursor = p.next();
      assertThat("pages", pages.size(), lessThan(500));
    } while (cursor != null);
    return pages;
  }

  private static List<Long> ids(List<Page> pages) {
    return pages.stream().flatMap(p -> p.ids().stream()).toList();
  }

  private List<Long> idsFromDatabase(String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-year | COALESCE(p.year, 0) DESC, p.id DESC",
        "year | COALESCE(p.year, 0), p.id",
        "title | lower(p.title), p.id",
        "-added_at | p.added_at DESC, p.id DESC"
      })
  void pagesReachEveryFilteredPaperOnceInTheDatabaseOrder(String sort, String orderBy)
      throws SQLException {
    List<Long> expected =
        idsFromDatabase("SELECT p.id FROM live_paper p WHERE " + FILTERED + " ORDER BY " + orderBy);
    assertThat("papers under the filter", expected.size(), greaterThan(30));

    List<Page> pages =
        allPages(Map.of("year", "2019..2023", "has_code", "false", "sort", sort, "limit", "37"));

    assertEquals(expected, ids(pages));
    assertThat(
        pages.stream().map(Page::total).toList(), everyItem(equalTo((long) expected.size())));
  }

  @Test
  void totalEqualsTheNumberOfItemsOnAllPages() {
    List<Page> pages = allPages(Map.of("tag", "neural-networks", "limit", "100"));

    assertThat(pages.size(), greaterThan(1));
    assertEquals(pages.get(0).total(), ids(pages).size());
    assertEquals(ids(pages).size(), new HashSet<>(ids(pages)).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "machine learning potential",
        "potential OR force -water",
        "\"neural network\" gaussian"
      })
  void keywordQueryPagesByRelevanceReachEveryMatchOnce(String q) throws InterruptedException {
    awaitStillIndex();
    Map<String, String> params = Map.of("q", q, "mode", "keyword", "limit", "40");
    List<Page> pages = allPages(params);

    List<Long> all = ids(pages);
    assertThat(pages.size(), greaterThan(1));
    assertEquals(all.size(), new HashSet<>(all).size());
    assertEquals(pages.get(0).total(), all.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"semantic", "hybrid"})
  void queryByMeaningPagesByRelevanceReachEveryCandidateOnce(String mode)
      throws InterruptedException {
    awaitStillIndex();
    List<Page> pages = allPages(Map.of("q", "equivariant potentials", "mode", mode, "limit", "30"));

    List<Long> all = ids(pages);
    assertThat(pages.size(), greaterThan(1));
    assertEquals(all.size(), new HashSet<>(all).size());
    assertEquals(pages.get(0).total(), all.size());
  }

  /**
   * A hybrid list is the fused head, then the other keyword matches in keyword order: every keyword
   * match and every nearest paper, each once, also across the page where the head ends.
   */
  @Test
  void hybridQueryListsEveryKeywordMatchAndNearestPaperOnce() throws InterruptedException {
    awaitStillIndex();
    String q = "machine learning potential";
    Set<Long> expected =
        new HashSet<>(ids(allPages(Map.of("q", q, "mode", "keyword", "limit", "100"))));
    expected.addAll(ids(allPages(Map.of("q", q, "mode", "semantic", "limit", "100"))));

    List<Page> pages = allPages(Map.of("q", q, "mode", "hybrid", "limit", "40"));

    List<Long> all = ids(pages);
    assertThat("matches beyond any fused head", all.size(), greaterThan(400));
    assertEquals(all.size(), new HashSet<>(all).size());
    assertEquals(expected, new HashSet<>(all));
    assertThat(pages.stream().map(Page::total).toList(), everyItem(equalTo((long) all.size())));
  }

  @Test
  void hybridQuerySortedByYearHoldsTheSamePapersAsByRelevance() throws InterruptedException {
    awaitStillIndex();
    String q = "machine learning potential";
    Set<Long> byRelevance =
        new HashSet<>(ids(allPages(Map.of("q", q, "mode", "hybrid", "limit", "100"))));
    List<Page> byYear = allPages(Map.of("q", q, "mode", "hybrid", "sort", "-year", "limit", "100"));

    assertEquals(byRelevance.size(), ids(byYear).size());
    assertEquals(byRelevance, new HashSet<>(ids(byYear)));
  }

  @Test
  void keywordQuerySortedByYearHoldsTheSamePapersAsByRelevance() throws InterruptedException {
    awaitStillIndex();
    Set<Long> byRelevance =
        new HashSet<>(ids(allPages(Map.of("q", "equivariant", "mode", "keyword", "limit", "100"))));
    List<Page> byYear =
        allPages(Map.of("q", "equivariant", "mode", "keyword", "sort", "year", "limit", "7"));

    assertEquals(byRelevance.size(), ids(byYear).size());
    assertEquals(byRelevance, new HashSet<>(ids(byYear)));
  }

  @Test
  void aCreatedPaperIsListedByTheNextRequest() {
    long before = page(Map.of("limit", "1"), null).total();
    int id = createPaper(newKey("curator"), "Listed right away " + unique()).path("id");

    Page newest = page(Map.of("sort", "-added_at", "limit", "5"), null);

    assertTrue(newest.ids().contains((long) id), "the new paper is among the newest");
    assertEquals(before + 1, newest.total());
  }

  @Test
  void aDeletedPaperLeavesTheList() {
    var created = createPaper(newKey("curator"), "Deleted right away " + unique());
    int id = created.path("id");
    long listed = page(Map.of("limit", "1"), null).total();

    deleteAsAdmin("/api/v1/papers/" + id, created);

    given()
        .queryParam("sort", "-added_at")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)))
        .body("total", equalTo((int) listed - 1));
  }

  @Test
  void severalTagsListPapersCarryingAnyOfThem() {
    Set<Long> molecules = new HashSet<>(ids(allPages(Map.of("tag", "molecules", "limit", "100"))));
    Set<Long> equivariance =
        new HashSet<>(ids(allPages(Map.of("tag", "equivariance", "limit", "100"))));
    Set<Long> union = new HashSet<>(molecules);
    union.addAll(equivariance);

    List<Long> either = ids(allPages(Map.of("tag", "equivariance,molecules", "limit", "100")));

    assertTrue(!molecules.isEmpty() && !equivariance.isEmpty(), "both tags are used");
    assertEquals(union.size(), either.size());
    assertEquals(union, new HashSet<>(either));
  }

  @Test
  void aNegatedTagListsEveryPaperWithoutIt() {
    Set<Long> molecules = new HashSet<>(ids(allPages(Map.of("tag", "molecules", "limit", "100"))));
    long all = page(Map.of("limit", "1"), null).total();

    List<Page> pages = allPages(Map.of("tag", "-molecules", "limit", "100"));

    assertTrue(ids(pages).stream().noneMatch(molecules::contains), "no paper tagged molecules");
    assertEquals(all - molecules.size(), pages.get(0).total());
    assertEquals(all - molecules.size(), ids(pages).size());
  }

  @Test
  void aCursorOfTheSqlListStillContinuesTheList() throws SQLException {
    // The SQL list's cursor carried PostgreSQL's text of added_at ("2026-12-03 19:15:11.123+00").
    Map<Long, String> addedAt = new HashMap<>();
    List<Long> order = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET TIME ZONE 'UTC'");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT p.id, p.added_at::text FROM live_paper p WHERE "
                  + FILTERED
                  + " ORDER BY p.added_at DESC, p.id DESC")) {
        while (rs.next()) {
          order.add(rs.getLong(1));
          addedAt.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    long fifth = order.get(4);
    String sqlCursor = Cursor.encode("-added_at", addedAt.get(fifth), Long.toString(fifth));

    Page next =
        page(
            Map.of("year", "2019..2023", "has_code", "false", "sort", "-added_at", "limit", "3"),
            sqlCursor);

    assertEquals(order.subList(5, 8), next.ids());
  }
}
