package org.mlmdkb.result.imports;

import static org.mlmdkb.result.imports.MatbenchModelReader.get;
import static org.mlmdkb.result.imports.MatbenchModelReader.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.curation.Identifiers;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The method a Matbench Discovery model file describes, as the seed converter maps it: a universal
 * potential named by {@code model_name}, derived from the method of its folder ({@code
 * models/mace/…} → mace), with its paper (DOI, or the arXiv id an arXiv DOI or link carries),
 * repository, code licence, parameter count and training sets; and the newer model that supersedes
 * it when the file says so ({@code superseded_by}, written in the files whose {@code lifecycle} is
 * superseded).
 */
final class MatbenchModelMethod {

  private static final Pattern FOLDER = Pattern.compile("^models/([^/]+)/[^/]+$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})-\\d{2}-\\d{2}");

  private MatbenchModelMethod() {}

  static NewMethod describe(MappingNode root, String key, String path) {
    String name = scalar(get(root, "model_name")).orElse(key);
    String doi = scalar(get(root, "doi")).map(Identifiers::doi).orElse(null);
    String arxiv =
        Optional.ofNullable(Identifiers.arxivOfDoi(doi))
            .or(() -> scalar(get(root, "paper")).map(Identifiers::arxiv))
            .orElse(null);
    return new NewMethod(
        key,
        name,
        "universal",
        folderMethod(path).map(List::of).orElse(List.of()),
        scalar(get(root, "superseded_by")).orElse(null),
        doi,
        arxiv,
        scalar(get(root, "repo")).orElse(null),
        licence(get(root, "license")),
        scalar(get(root, "model_params")).flatMap(MatbenchModelMethod::count).orElse(null),
        year(root),
        trainingSets(root),
        name
            + " as described by its Matbench Discovery model file"
            + (path == null ? "" : " " + path)
            + ".");
  }

  /** {@code models/alignn_ff/alignn-ff.yml} → alignn-ff, the slug its family method would have. */
  private static Optional<String> folderMethod(String path) {
    if (path == null) {
      return Optional.empty();
    }
    Matcher m = FOLDER.matcher(path.strip());
    return m.matches()
        ? Optional.of(m.group(1).toLowerCase(Locale.ROOT).replace('_', '-'))
        : Optional.empty();
  }

  private static String licence(Node license) {
    return license instanceof MappingNode
        ? scalar(get(license, "code")).orElse(null)
        : scalar(license).orElse(null);
  }

  /** YAML 1.1 integers may group digits with underscores: 32_724_908. */
  private static Optional<Long> count(String text) {
    String digits = text.replace("_", "");
    return digits.matches("\\d{1,18}") && Long.parseLong(digits) > 0
        ? Optional.of(Long.parseLong(digits))
        : Optional.empty();
  }

  private static Integer year(MappingNode root) {
    Optional<String> date =
        scalar(get(get(root, "dates"), "paper_published"))
            .or(() -> scalar(get(root, "date_published")));
    return date.map(YEAR::matcher)
        .filter(Matcher::find)
        .map(m -> Integer.valueOf(m.group(1)))
        .orElse(null);
  }

  /** "MPtrj", "OMat24", "sAlex" → the dataset slugs mptrj, omat24, salex. */
  private static List<String> trainingSets(MappingNode root) {
    Node sets = get(root, "training_sets");
    if (sets == null) {
      sets = get(root, "training_set");
    }
    List<String> slugs = new ArrayList<>();
    if (sets instanceof SequenceNode list) {
      for (Node n : list.getValue()) {
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
          slugs.add(s.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-"));
        }
      }
    }
    return slugs;
  }
}
