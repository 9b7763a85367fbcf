package org.mlmdkb.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read strictly: a string holding NUL or a lone UTF-16 surrogate is refused
 * (PostgreSQL cannot store the one and would silently turn the other into '?'), and a fraction
 * where an integer belongs is refused instead of truncated (2024.7 is not a year).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** The message of the 400 that names the offending field. */
  public static final String UNSTORABLE = "contains a NUL character or a lone surrogate";

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.registerModule(new SimpleModule("strict-strings").addDeserializer(String.class, TEXT));
  }

  private static final StringDeserializer TEXT =
      new StringDeserializer() {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
          String value = super.deserialize(p, ctxt);
          if (value != null && !storable(value)) {
            throw InvalidFormatException.from(p, UNSTORABLE, value, String.class);
          }
          return value;
        }
      };

  public static boolean storable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
