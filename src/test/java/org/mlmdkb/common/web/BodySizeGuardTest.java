package org.mlmdkb.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * Bodies are bounded per route before they are read: 2 MiB outside the imports, the server-wide 40
 * MB for /api/v1/imports. Sent as raw requests whose body never follows the headers, since the
 * answer must come without reading it.
 */
@QuarkusTest
class BodySizeGuardTest extends ApiTest {

  private static final long THREE_MIB = 3L * 1024 * 1024;

  /** The status line and body of the answer to {@code headers} (no body sent). */
  private static String answer(String headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The answer's head, then as many body bytes as it announces: the server may keep the
      // connection open while the unsent body is due.
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return head.toString();
        }
        head.append((char) b);
      }
      java.util.regex.Matcher length =
          java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
      int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
      return head + new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
  }

  private static String post(String path, String lengthHeader) throws IOException {
    return answer(
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + lengthHeader
            + "\r\n\r\n");
  }

  @Test
  void anAnonymousJsonBodyAnnouncedAboveTwoMebibytesIsA413Problem() throws IOException {
    String answer = post("/api/v1/papers:similar", "Content-Length: " + THREE_MIB);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("application/problem+json"), answer);
    assertTrue(answer.contains("urn:mlmd-kb:problem:body-too-large"), answer);
    assertTrue(answer.contains("at most 2097152 bytes"), answer);
  }

  @Test
  void aBodyWithoutContentLengthOutsideTheImportsIsA411Problem() throws IOException {
    String answer = post("/api/v1/papers:similar", "Transfer-Encoding: chunked");
    assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
    assertTrue(answer.contains("urn:mlmd-kb:problem:length-required"), answer);
    assertTrue(answer.contains("\"name\":\"Content-Length\""), answer);
  }

  @Test
  void anImportAboveTwoMebibytesReachesTheImportItself() {
    // The import's own limit (kb.import.max-bytes, 100,000 in tests) answers, not the route's.
    String big = "%" + "x".repeat((int) THREE_MIB) + "\n@misc{a, title = {Big}}";
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(big.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports")
        .then()
        .statusCode(413)
        .body("type", equalTo("urn:mlmd-kb:problem:content-too-large"));
  }
}
