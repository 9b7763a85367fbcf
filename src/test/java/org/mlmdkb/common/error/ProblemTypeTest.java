package org.mlmdkb.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTypeTest {

  @Test
  void everySlugIsUniqueAndFitForAUrn() {
    List<String> slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList();
    Set<String> unique = Set.copyOf(slugs);
    assertEquals(slugs.size(), unique.size(), "duplicate slugs in " + slugs);
    assertEquals(
        List.of(),
        slugs.stream().filter(s -> !s.matches("[a-z]+(-[a-z]+)*")).toList(),
        "slugs must be lower-case words joined by '-'");
  }

  // Before the catalogue a bare status was typed by its reason phrase; clients saw these URNs.
  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 406, 412, 415, 428, 429, 500})
  void aBareStatusKeepsTheTypeAndTitleOfItsReasonPhrase(int status) {
    String reason = Response.Status.fromStatusCode(status).getReasonPhrase();
    Problem problem = Problems.forStatus(status, "detail", "/api/v1/x");

    assertEquals(
        "urn:mlmd-kb:problem:" + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
        problem.type());
    assertEquals(reason, problem.title());
    assertEquals(status, problem.status());
  }

  @Test
  void aStatusNoCodeRaisesFallsBackToTheGenericTypeOfItsClassKeepingTheStatus() {
    Problem gone = Problems.forStatus(410, "gone", null);
    Problem unavailable = Problems.forStatus(504, "timeout", null);

    assertEquals("urn:mlmd-kb:problem:bad-request", gone.type());
    assertEquals(410, gone.status());
    assertEquals("urn:mlmd-kb:problem:internal-server-error", unavailable.type());
    assertEquals(504, unavailable.status());
  }

  @Test
  void aTypeRefusesAStatusItNeverComesWith() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApiException(ProblemType.CONFLICT, 400, "detail", List.of()));
  }

  @Test
  void validationFailedComesWith422ForBodiesAnd400ForQueryParameters() {
    assertEquals(
        Set.of(400, 422),
        ProblemType.VALIDATION_FAILED.statuses().stream().collect(Collectors.toSet()));
    assertEquals(422, new ApiException(ProblemType.VALIDATION_FAILED, "d", List.of()).status());
  }
}
