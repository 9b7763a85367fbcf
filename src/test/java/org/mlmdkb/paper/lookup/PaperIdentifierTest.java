package org.mlmdkb.paper.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

class PaperIdentifierTest {

  @ParameterizedTest
  @CsvSource({
    "10.5555/Fixture-1, 10.5555/fixture-1",
    "doi:10.5555/fixture-1, 10.5555/fixture-1",
    "DOI: 10.5555/fixture-1, 10.5555/fixture-1",
    "https://doi.org/10.5555/fixture-1, 10.5555/fixture-1",
    "http://dx.doi.org/10.5555/fixture-1, 10.5555/fixture-1",
    "' 10.5555/a(b)c<d> ', 10.5555/a(b)c<d>",
  })
  void acceptsTheCommonSpellingsOfADoi(String given, String normalised) {
    PaperIdentifier id = PaperIdentifier.of(new LookupRequest(given, null));
    assertEquals(new PaperIdentifier(PaperIdentifier.Kind.DOI, normalised), id);
  }

  @ParameterizedTest
  @CsvSource({
    "0001.12345, 0001.12345",
    "0001.12345v2, 0001.12345",
    "arXiv:0001.12345v12, 0001.12345",
    "0001.1234, 0001.1234",
    "fake-archive/9913001, fake-archive/9913001",
    "fake-archive.XY/9913001v1, fake-archive.XY/9913001",
    "https://arxiv.org/abs/0001.12345v3, 0001.12345",
    "https://export.arxiv.org/abs/fake-archive/9913001, fake-archive/9913001",
    "https://arxiv.org/pdf/0001.12345v1.pdf, 0001.12345",
  })
  void acceptsTheCommonSpellingsOfAnArxivId(String given, String normalised) {
    PaperIdentifier id = PaperIdentifier.of(new LookupRequest(null, given));
    assertEquals(new PaperIdentifier(PaperIdentifier.Kind.ARXIV, normalised), id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.5555", "11.5555/x", "10.12/x", "doi.org/10.5555/x", "10.5555/a b"})
  void refusesMalformedDoisNamingTheField(String given) {
    ApiException e =
        assertThrows(ApiException.class, () -> PaperIdentifier.of(new LookupRequest(given, null)));
    assertEquals(400, e.status());
    assertEquals(ProblemType.INVALID_IDENTIFIER, e.type());
    assertEquals(List.of("doi"), e.errors().stream().map(Problem.FieldError::name).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001.123", "0001.123456", "1234", "Fake-Archive/9913001", "a/123"})
  void refusesMalformedArxivIdsNamingTheField(String given) {
    ApiException e =
        assertThrows(ApiException.class, () -> PaperIdentifier.of(new LookupRequest(null, given)));
    assertEquals(400, e.status());
    assertEquals(List.of("arxiv_id"), e.errors().stream().map(Problem.FieldError::name).toList());
  }

  @Test
  void refusesAnAbsurdlyLongIdentifierBeforeMatchingIt() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> PaperIdentifier.of(new LookupRequest("10.5555/" + "x".repeat(400), null)));
    assertEquals(400, e.status());
  }

  @Test
  void blankCountsAsAbsent() {
    PaperIdentifier id = PaperIdentifier.of(new LookupRequest(" ", "0001.12345"));
    assertEquals(PaperIdentifier.Kind.ARXIV, id.kind());
  }
}
