package org.mlmdkb.paper.lookup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.paper.lookup.LookupFixtures.fakeArxivId;
import static org.mlmdkb.paper.lookup.LookupFixtures.fakeDoi;
import static org.mlmdkb.paper.lookup.LookupFixtures.recorded;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
@WithTestResource(value = LookupStubServer.class, scope = TestResourceScope.GLOBAL)
class LookupResourceTest extends ApiTest {

  private static final String ATOM = "application/atom+xml; charset=utf-8";

  private static WireMock stubs() {
    URI crossref =
        URI.create(ConfigProvider.getConfig().getValue("kb.lookup.crossref-url", String.class));
    return new WireMock(crossref.getHost(), crossref.getPort());
  }

  private static void crossrefAnswers(String doi, int status, String body) {
    stubs()
        .register(
            get(urlPathEqualTo("/crossref/works/" + doi.toLowerCase()))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
  }

  private static void arxivAnswers(String id, int status, String body) {
    stubs()
        .register(
            get(urlPathEqualTo("/arxiv/query"))
                .withQueryParam("id_list", WireMock.equalTo(id))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", ATOM)
                        .withBody(body)));
  }

  private static ValidatableResponse lookup(Map<String, String> body, String query) {
    return given()
        // RestAssured would send ':' as %3A, another path (as for {id}:restore).
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/papers:lookup" + query)
        .then();
  }

  @Test
  void createsPaperFromCrossrefWith201LocationAndEtag() {
    String doi = fakeDoi();
    crossrefAnswers(doi, 200, recorded("crossref-work.json", doi));
    ValidatableResponse created =
        lookup(Map.of("doi", "https://doi.org/" + doi), "")
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("status", equalTo("created"))
            .body("source", equalTo("crossref"))
            .body("paper.entry_type", equalTo("article"))
            .body("paper.title", equalTo("A fixture paper on recorded answers"))
            .body(
                "paper.authors.name",
                contains("Ada Lovelace", "Alan Turing", "The Fixture Consortium"))
            .body("paper.year", equalTo(2021))
            .body("paper.date", equalTo("2021-06-01"))
            .body("paper.venue", equalTo("Journal of Test Fixtures"))
            .body("paper.volume", equalTo("154"))
            .body("paper.number", equalTo("7"))
            .body("paper.pages", equalTo("071101-071112"))
            .body("paper.publisher", equalTo("Test Publisher (fixture)"))
            .body("paper.doi", equalTo(doi.toLowerCase()))
            .body(
                "paper.abstract",
                equalTo(
                    "Recorded metadata for stubbed services & nothing else.\n\n"
                        + "A second paragraph with x2."));
    int id = created.extract().path("paper.id");
    created.header("Location", endsWith("/api/v1/papers/" + id));
    stubs()
        .verifyThat(
            getRequestedFor(urlPathEqualTo("/crossref/works/" + doi.toLowerCase()))
                .withHeader("User-Agent", containing("mailto:" + LookupStubServer.MAILTO)));
  }

  @Test
  void historyRecordsTheCreateUnderTheCallersKey() {
    String doi = fakeDoi();
    crossrefAnswers(doi, 200, recorded("crossref-work.json", doi));
    int id = lookup(Map.of("doi", doi), "").statusCode(201).extract().path("paper.id");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create"))
        .body("items[0].key_name", startsWith("curator-"))
        .body("items[0].after.doi", equalTo(doi.toLowerCase()));
  }

  @Test
  void createsPreprintFromArxivGivenAVersionedPrefixedId() {
    String id = fakeArxivId();
    arxivAnswers(id, 200, recorded("arxiv-entry.xml", id));
    lookup(Map.of("arxiv_id", "arXiv:" + id + "v2"), "")
        .statusCode(201)
        .body("status", equalTo("created"))
        .body("source", equalTo("arxiv"))
        .body("paper.entry_type", equalTo("preprint"))
        .body("paper.title", equalTo("A fixture preprint on stubbed Atom feeds"))
        .body(
            "paper.abstract",
            equalTo("We describe a fixture. It spans two lines and says nothing else."))
        .body("paper.authors.name", contains("Ada Lovelace", "Alan Turing"))
        .body("paper.date", equalTo("2021-01-08"))
        .body("paper.year", equalTo(2021))
        .body("paper.venue", equalTo("arXiv"))
        .body("paper.arxiv_id", equalTo(id))
        .body("paper.doi", nullValue())
        .body("paper.url", equalTo("https://arxiv.org/abs/" + id));
  }

  @Test
  void existingPaperIsAnsweredFromTheCorpusWithoutAskingCrossref() {
    lookup(Map.of("doi", "doi:10.1103/PhysRevLett.98.146401"), "")
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("status", equalTo("existing"))
        .body("source", equalTo("corpus"))
        .body("paper.doi", equalTo("10.1103/physrevlett.98.146401"));
    stubs().verifyThat(0, getRequestedFor(urlPathMatching("/crossref/works/10\\.1103/.*")));
  }

  @Test
  void existingPreprintIsAnsweredFromTheCorpusWithoutAskingArxiv() {
    lookup(Map.of("arxiv_id", "https://arxiv.org/abs/1711.04153v1"), "")
        .statusCode(200)
        .body("status", equalTo("existing"))
        .body("paper.arxiv_id", equalTo("1711.04153"));
    stubs()
        .verifyThat(
            0,
            getRequestedFor(urlPathEqualTo("/arxiv/query"))
                .withQueryParam("id_list", WireMock.equalTo("1711.04153")));
  }

  @Test
  void identifierOfADeletedPaperIs409WithoutAskingCrossref() {
    ExtractableResponse<Response> created =
        createPaper(ADMIN_KEY, "Deleted before lookup " + unique());
    int id = created.path("id");
    String doi = created.path("doi");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/papers/" + id)
        .then()
        .statusCode(204);
    lookup(Map.of("doi", doi), "")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.name", contains("doi"))
        .body("errors[0].message", containsString("paper " + id + " (deleted"));
    stubs().verifyThat(0, getRequestedFor(urlPathEqualTo("/crossref/works/" + doi)));
  }

  @Test
  void dryRunPreviewsTheMetadataAndWritesNothing() {
    String doi = fakeDoi();
    crossrefAnswers(doi, 200, recorded("crossref-work.json", doi));
    lookup(Map.of("doi", doi), "?dry_run=true")
        .statusCode(200)
        .header("ETag", nullValue())
        .header("Location", nullValue())
        .body("status", equalTo("preview"))
        .body("source", equalTo("crossref"))
        .body("paper.id", nullValue())
        .body("paper.doi", equalTo(doi.toLowerCase()))
        .body("paper.tags", empty());
    given().when().get("/api/v1/papers/doi:" + doi.toLowerCase()).then().statusCode(404);
  }

  @Test
  void doiUnknownToCrossrefIs404IdentifierNotFound() {
    String doi = fakeDoi();
    crossrefAnswers(doi, 404, "Resource not found.");
    lookup(Map.of("doi", doi), "")
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:identifier-not-found"))
        .body("errors.name", contains("doi"));
  }

  @Test
  void arxivIdWithAnEmptyFeedIs404IdentifierNotFound() {
    String id = fakeArxivId();
    arxivAnswers(id, 200, recorded("arxiv-empty.xml", id));
    lookup(Map.of("arxiv_id", id), "")
        .statusCode(404)
        .body("type", equalTo("urn:mlmd-kb:problem:identifier-not-found"))
        .body("errors.name", contains("arxiv_id"));
  }

  @Test
  void arxivErrorEntryIs404IdentifierNotFound() {
    String id = fakeArxivId();
    arxivAnswers(id, 400, recorded("arxiv-error.xml", id));
    lookup(Map.of("arxiv_id", id), "")
        .statusCode(404)
        .body("type", equalTo("urn:mlmd-kb:problem:identifier-not-found"));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503, 429})
  void crossrefFailingIs502UpstreamError(int status) {
    String doi = fakeDoi();
    crossrefAnswers(doi, status, "{\"status\": \"error\"}");
    lookup(Map.of("doi", doi), "")
        .statusCode(502)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:upstream-error"))
        .body("detail", containsString("HTTP " + status));
  }

  @Test
  void unreadableCrossrefAnswerIs502() {
    String doi = fakeDoi();
    crossrefAnswers(doi, 200, "<html><body>Maintenance</body></html>");
    lookup(Map.of("doi", doi), "")
        .statusCode(502)
        .body("type", equalTo("urn:mlmd-kb:problem:upstream-error"));
  }

  @Test
  void arxivFeedWithAnExternalEntityIsRefusedAs502() {
    String id = fakeArxivId();
    arxivAnswers(id, 200, recorded("arxiv-xxe.xml", id));
    lookup(Map.of("arxiv_id", id), "")
        .statusCode(502)
        .body("type", equalTo("urn:mlmd-kb:problem:upstream-error"))
        .body("detail", not(containsString("root")));
  }

  @Test
  void crossrefSilentBeyondTheTimeoutIs503WithRetryAfter() {
    String doi = fakeDoi();
    stubs()
        .register(
            get(urlPathEqualTo("/crossref/works/" + doi.toLowerCase()))
                .willReturn(
                    aResponse()
                        .withFixedDelay(15000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(recorded("crossref-work.json", doi))));
    lookup(Map.of("doi", doi), "")
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("60"))
        .body("type", equalTo("urn:mlmd-kb:problem:upstream-unavailable"));
  }

  @Test
  void malformedDoiIs400NamingTheField() {
    lookup(Map.of("doi", "11.1234/not-a-doi"), "")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:invalid-identifier"))
        .body("errors.name", contains("doi"))
        .body("errors.in", contains("body"));
  }

  @Test
  void malformedArxivIdIs400NamingTheField() {
    lookup(Map.of("arxiv_id", "2101.031"), "")
        .statusCode(400)
        .body("errors.name", contains("arxiv_id"));
  }

  @Test
  void bothIdentifiersAre400NamingBoth() {
    lookup(Map.of("doi", fakeDoi(), "arxiv_id", fakeArxivId()), "")
        .statusCode(400)
        .body("type", equalTo("urn:mlmd-kb:problem:malformed-body"))
        .body("errors.name", contains("doi", "arxiv_id"));
  }

  @Test
  void noIdentifierIs400NamingBoth() {
    lookup(Map.of(), "").statusCode(400).body("errors.name", contains("doi", "arxiv_id"));
  }

  @Test
  void unknownQueryParameterIs400() {
    lookup(Map.of("doi", fakeDoi()), "?dryrun=true")
        .statusCode(400)
        .body("errors.name", contains("dryrun"));
  }

  @Test
  void withoutKeyIs401() {
    given()
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .body(Map.of("doi", fakeDoi()))
        .when()
        .post("/api/v1/papers:lookup")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void lookupPathIsNotTakenForAPaperRef() {
    given().urlEncodingEnabled(false).when().get("/api/v1/papers:lookup").then().statusCode(405);
  }
}
