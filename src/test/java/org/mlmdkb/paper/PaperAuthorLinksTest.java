package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A paper's authors are linked in one statement; linking an existing author changes nothing the
 * index holds about that author, so it queues no change that would re-index the author's papers.
 */
@QuarkusTest
class PaperAuthorLinksTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  private static ValidatableResponse post(List<String> authors) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Author links " + unique(),
                "year",
                2024,
                "doi",
                "10.5555/test-" + unique(),
                "authors",
                authors))
        .when()
        .post("/api/v1/papers")
        .then();
  }

  @Test
  void authorNamedTwiceInOnePaperKeepsBothPlacesInOrder() {
    String twice = "Twice Named " + unique();
    post(List.of(twice, "Alan Turing", twice))
        .statusCode(201)
        .body("authors.name", contains(twice, "Alan Turing", twice));
  }

  @Test
  void namesWithArraySyntaxComeBackAsWrittenOnThePageAndInTheList() {
    // The page and the list read a paper's authors as array columns: quotes, braces, commas,
    // backslashes and the word NULL must come back as written, in their order.
    String token = "Quirkname" + unique().replaceAll("[^A-Za-z0-9]", "");
    List<String> names = List.of("Ann \"Q\" {x}, Jr\\ " + token, "NULL", "Zoë, Ø; ,{}");
    long id = post(names).statusCode(201).extract().jsonPath().getLong("id");
    given()
        .get("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .body("authors.name", contains(names.toArray()));
    given()
        .queryParam("author", token)
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("items.id", contains((int) id))
        .body("items[0].authors.name", contains(names.toArray()));
  }

  @Test
  void newPaperByExistingAuthorsQueuesNoAuthorChange() throws SQLException {
    String author = "Existing Author " + unique();
    post(List.of(author)).statusCode(201);
    long authorId = authorId(author);
    long before = authorChanges(authorId);
    post(List.of(author, "Alan Turing")).statusCode(201);
    assertEquals(before, authorChanges(authorId));
  }

  @Test
  void renamedAuthorStillQueuesAnAuthorChange() throws SQLException {
    String author = "Renamed Author " + unique();
    post(List.of(author)).statusCode(201);
    long authorId = authorId(author);
    long before = authorChanges(authorId);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("UPDATE author SET name = name || ' Jr.' WHERE id = ?")) {
      s.setLong(1, authorId);
      s.executeUpdate();
    }
    assertEquals(before + 1, authorChanges(authorId));
  }

  private long authorId(String name) throws SQLException {
    return single("SELECT id FROM author WHERE name = ?", name);
  }

  private long authorChanges(long authorId) throws SQLException {
    return single(
        "SELECT count(*) FROM search_change WHERE kind = 'author' AND key = ?",
        Long.toString(authorId));
  }

  private long single(String sql, String param) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
