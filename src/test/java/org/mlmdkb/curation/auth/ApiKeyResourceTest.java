package org.mlmdkb.curation.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ApiKeyResourceTest extends ApiTest {

  @Test
  void writeWithoutKeyIs401WithBearerChallenge() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", "No key"))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer realm=\"mlmd-kb\"")
        .body("status", equalTo(401))
        .body("type", equalTo("urn:mlmd-kb:problem:unauthorized"));
  }

  @Test
  void percentEncodedPathStillNeedsAKey() {
    // "/%61pi" routes to "/api": the filter must not judge the raw path.
    given()
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "encoded-" + System.nanoTime(), "role", "admin"))
        .when()
        .post("/%61pi/v1/api-keys")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer realm=\"mlmd-kb\"");
  }

  @Test
  void percentEncodedPathStillChecksTheRole() {
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.newKey("curator"))
        .header("If-Match", "*")
        .when()
        .delete("/%61pi/v1/papers/1")
        .then()
        .statusCode(403);
  }

  @Test
  void writeWithUnknownKeyIs401() {
    given()
        .header("Authorization", "Bearer " + "mlmdkb_not-a-real-key")
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", "Unknown key"))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer realm=\"mlmd-kb\"");
  }

  @Test
  void adminIssuesKeyShownOnceThatAuthenticatesWrites() {
    String name = "curator-" + unique();
    String key =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("name", name, "role", "curator"))
            .when()
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/api-keys/" + name))
            .header("Cache-Control", "no-store")
            .body("name", equalTo(name))
            .body("role", equalTo("curator"))
            .body("key", startsWith("mlmdkb_"))
            .extract()
            .path("key");
    createPaper(key, "Written with a fresh curator key " + unique());
  }

  @Test
  void curatorKeyCannotDeleteOrManageKeys() {
    String curator = newKey("curator");
    String id = createPaper(curator, "Curators cannot delete " + unique()).path("id").toString();
    given()
        .header("Authorization", "Bearer " + curator)
        .header("If-Match", "*")
        .when()
        .delete("/api/v1/papers/" + id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
    given()
        .header("Authorization", "Bearer " + curator)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "sneaky-" + unique(), "role", "admin"))
        .when()
        .post("/api/v1/api-keys")
        .then()
        .statusCode(403);
  }

  @Test
  void revokedKeyIs401() {
    String name = "short-lived-" + unique();
    String key =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("name", name, "role", "curator"))
            .when()
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .delete("/api/v1/api-keys/" + name)
        .then()
        .statusCode(204);
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", "After revocation"))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .delete("/api/v1/api-keys/" + name)
        .then()
        .statusCode(404);
  }

  @Test
  void keyNamesAreUniqueAndValidated() {
    String name = "twice-" + unique();
    Map<String, String> body = Map.of("name", name, "role", "curator");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/api-keys")
        .then()
        .statusCode(409)
        .body("errors.name", hasItem("name"));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Bad Name!", "role", "owner"))
        .post("/api/v1/api-keys")
        .then()
        .statusCode(422)
        .body("errors.name", org.hamcrest.Matchers.contains("name", "role"));
  }
}
