package org.mlmdkb.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import io.restassured.RestAssured;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of every HTTP test: each request/response pair is checked against openapi.yaml, so the code
 * and the contract cannot drift.
 */
public abstract class ApiTest {

  private static final OpenApiValidationFilter CONTRACT =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForSpecificationUrl(
                  Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
              .withWhitelist(
                  ValidationErrorsWhitelist.create()
                      // Quarkus' own endpoints (health, metrics, the document) are not ours.
                      .withRule(
                          "quarkus endpoints",
                          WhitelistRules.allOf(
                              WhitelistRules.messageHasKey("validation.request.path.missing"),
                              WhitelistRules.messageContainsSubstring("'/q/")))
                      // Tests send invalid requests on purpose; the 4xx answer is still checked.
                      .withRule(
                          "rejected invalid requests",
                          WhitelistRules.allOf(
                              WhitelistRules.isRequest(),
                              WhitelistRules.responseStatusTypeIs(StatusType.CLIENT_ERROR))))
              .build());

  @BeforeAll
  static void validateAgainstContract() {
    RestAssured.replaceFiltersWith(CONTRACT);
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
