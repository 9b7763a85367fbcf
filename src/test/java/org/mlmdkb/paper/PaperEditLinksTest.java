package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.testsupport.ApiTest;

/**
 * An edit rewrites a paper's author and tag links only when it changes them. The link rows'
 * transaction ids tell whether they were written again: a rewrite deletes and inserts them.
 */
@QuarkusTest
class PaperEditLinksTest extends ApiTest {

  private static final String AUTHORS_WRITTEN =
      "SELECT string_agg(xmin::text, ',' ORDER BY position) FROM paper_author WHERE paper_id = :id";

  private static final String TAGS_WRITTEN =
      "SELECT string_agg(xmin::text, ',' ORDER BY tag_slug) FROM paper_tag WHERE paper_id = :id";

  @Inject AgroalDataSource dataSource;

  /** A new paper by Ada Lovelace and Alan Turing, tagged machine-learning, and its link rows. */
  private record Created(long id, String etag, String authorsWritten, String tagsWritten) {}

  @Test
  void editingTheVenueWritesNeitherAuthorNorTagLinks() throws SQLException {
    Created paper = create();

    patch(paper, Map.of("venue", "Edited venue"))
        .statusCode(200)
        .body("venue", equalTo("Edited venue"))
        .body("authors.name", contains("Ada Lovelace", "Alan Turing"))
        .body("tags", contains("machine-learning"));

    assertEquals(paper.authorsWritten(), written(AUTHORS_WRITTEN, paper.id()));
    assertEquals(paper.tagsWritten(), written(TAGS_WRITTEN, paper.id()));
  }

  @Test
  void reorderingTheAuthorsRewritesThemAndLeavesTheTagLinks() throws SQLException {
    Created paper = create();

    patch(paper, Map.of("authors", List.of("Alan Turing", "Ada Lovelace")))
        .statusCode(200)
        .body("authors.name", contains("Alan Turing", "Ada Lovelace"))
        .body("tags", contains("machine-learning"));

    assertNotEquals(paper.authorsWritten(), written(AUTHORS_WRITTEN, paper.id()));
    assertEquals(paper.tagsWritten(), written(TAGS_WRITTEN, paper.id()));
  }

  @Test
  void removingTheTagsLeavesTheAuthorLinks() throws SQLException {
    Created paper = create();

    patch(paper, Map.of("tags", List.of()))
        .statusCode(200)
        .body("authors.name", contains("Ada Lovelace", "Alan Turing"))
        .body("tags", empty());

    assertEquals(paper.authorsWritten(), written(AUTHORS_WRITTEN, paper.id()));
  }

  private Created create() throws SQLException {
    ExtractableResponse<Response> created =
        createPaper(ADMIN_KEY, "Edited links " + unique(), List.of("machine-learning"));
    long id = created.jsonPath().getLong("id");
    return new Created(
        id, created.header("ETag"), written(AUTHORS_WRITTEN, id), written(TAGS_WRITTEN, id));
  }

  private static ValidatableResponse patch(Created paper, Map<String, Object> body) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", paper.etag())
        .contentType("application/merge-patch+json")
        .body(body)
        .when()
        .patch("/api/v1/papers/" + paper.id())
        .then();
  }

  private String written(String sql, long paperId) throws SQLException {
    return Sql.query(dataSource, sql, q -> q.bind("id", paperId).mapTo(String.class).one());
  }
}
