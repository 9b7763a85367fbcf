package org.mlmdkb.common.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** A strong ETag describes the very bytes of the body it came with. */
@QuarkusTest
class EntityTagsTest extends ApiTest {

  private static String digestOf(byte[] body) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
    return "\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
        + "\"";
  }

  private static int aPaper() {
    return given().when().get("/api/v1/papers?limit=1").then().extract().path("items[0].id");
  }

  @Test
  void aJsonItemsTagIsTheDigestOfTheBytesSent() throws Exception {
    ExtractableResponse<Response> paper =
        given().when().get("/api/v1/papers/" + aPaper()).then().statusCode(200).extract();

    assertEquals(digestOf(paper.asByteArray()), paper.header("ETag"));
    assertEquals("application/json;charset=UTF-8", paper.contentType());
  }

  @Test
  void aCitationsTagIsTheDigestOfTheTextSent() throws Exception {
    ExtractableResponse<Response> bibtex =
        given()
            .when()
            .get("/api/v1/papers/" + aPaper() + "?format=bibtex")
            .then()
            .statusCode(200)
            .extract();

    assertEquals(digestOf(bibtex.asByteArray()), bibtex.header("ETag"));
    assertEquals("application/x-bibtex;charset=UTF-8", bibtex.contentType());
  }
}
