package org.mlmdkb.result.imports;

import java.io.Reader;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.curation.ImportBodyReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an import body that must be one YAML mapping; anything else is a 400 naming the body. */
final class YamlBodies {

  private YamlBodies() {}

  /**
   * The body's top-level mapping; {@code kind} completes "is not …" ("a model YAML"). Comments are
   * kept when {@code withComments}.
   */
  static MappingNode mapping(Reader text, String kind, boolean withComments) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(withComments);
    // The body is already bounded by kb.import.max-bytes; SnakeYAML's own limit is lower.
    options.setCodePointLimit(Integer.MAX_VALUE);
    Node root;
    try {
      root = new Yaml(options).compose(text);
    } catch (YAMLException e) {
      ApiException fault = ImportBodyReader.faultIn(e);
      throw fault != null
          ? fault
          : ImportBodies.malformed("is not valid YAML: " + ImportBodies.firstLine(e));
    }
    if (!(root instanceof MappingNode mapping)) {
      throw ImportBodies.malformed("is not " + kind + ": its top level is not a mapping");
    }
    return mapping;
  }
}
