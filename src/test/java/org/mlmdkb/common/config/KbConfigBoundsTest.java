package org.mlmdkb.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * A number out of its setting's range stops the start with the setting's name, as Quarkus checks
 * {@link KbConfig} with Bean Validation; here the same check runs on a bare config.
 */
class KbConfigBoundsTest {

  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static KbConfig configWith(Map<String, String> settings) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(KbConfig.class)
            // Durations are written as Quarkus reads them ("2s"), not in ISO-8601.
            .withConverter(Duration.class, 100, new DurationConverter())
            .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
            .withSources(new PropertiesConfigSource(settings, "test", 500))
            .build();
    return config.getConfigMapping(KbConfig.class);
  }

  private static String refusal(Map<String, String> settings) {
    return assertThrows(ConfigValidationException.class, () -> configWith(settings)).getMessage();
  }

  @Test
  void theDefaultsAreInRange() {
    KbConfig config = configWith(Map.of());
    assertEquals(100, config.search().semantic().candidates());
    assertEquals(0.9, config.search().semantic().keywordWeight());
  }

  @Test
  void aKeywordWeightAboveOneIsRefusedByName() {
    String message = refusal(Map.of("kb.search.semantic.keyword-weight", "2"));
    assertTrue(message.contains("kb.search.semantic.keyword-weight"), message);
  }

  @Test
  void candidatesBeyondTheBoundAreRefusedByName() {
    String message = refusal(Map.of("kb.search.semantic.candidates", "2000000000"));
    assertTrue(message.contains("kb.search.semantic.candidates"), message);
  }

  @Test
  void noImportSlotIsRefusedByName() {
    String message = refusal(Map.of("kb.import.max-concurrent", "0"));
    assertTrue(message.contains("kb.import.max-concurrent"), message);
  }
}
