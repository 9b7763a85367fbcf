package org.mlmdkb.common.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The methods each path allows, read from the served contract (openapi.yaml), for the {@code Allow}
 * header every 405 must carry (RFC 9110 15.5.6). RESTEasy Reactive's 405 names none, and the
 * contract is the list clients are told to trust anyway.
 */
@ApplicationScoped
public class AllowedMethods {

  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private record Route(Pattern pattern, int literalLength, Set<String> methods) {}

  private final List<Route> routes;

  public AllowedMethods() {
    this.routes = load();
  }

  /**
   * The methods allowed at {@code path}, by the most specific matching template ("/x/{id}:restore"
   * beats "/x/{ref}"); empty when the contract has no such path.
   */
  public Optional<String> allowHeader(String path) {
    return routes.stream()
        .filter(r -> r.pattern().matcher(path).matches())
        .max(Comparator.comparingInt(Route::literalLength))
        .map(r -> String.join(", ", r.methods()));
  }

  private static List<Route> load() {
    try (InputStream in =
        AllowedMethods.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
      if (in == null) {
        return List.of();
      }
      JsonNode paths = new YAMLMapper().readTree(in).path("paths");
      List<Route> out = new ArrayList<>();
      Iterator<String> templates = paths.fieldNames();
      while (templates.hasNext()) {
        String template = templates.next();
        Set<String> methods = new LinkedHashSet<>();
        paths
            .get(template)
            .fieldNames()
            .forEachRemaining(
                m -> {
                  if (OPERATIONS.contains(m)) {
                    methods.add(m.toUpperCase(Locale.ROOT));
                  }
                });
        if (methods.contains("GET")) {
          methods.add("HEAD"); // JAX-RS answers HEAD wherever GET is defined
        }
        out.add(
            new Route(compile(template), template.replaceAll("\\{[^}]*}", "").length(), methods));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenAPI contract", e);
    }
  }

  /** A path template as a regex: each {name} is one non-empty segment (or part of one). */
  private static Pattern compile(String template) {
    StringBuilder regex = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        regex.append(Pattern.quote(template.substring(at)));
        break;
      }
      int close = template.indexOf('}', open);
      regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
      at = close + 1;
    }
    return Pattern.compile(regex.toString());
  }
}
