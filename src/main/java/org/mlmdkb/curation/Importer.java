package org.mlmdkb.curation;

import java.util.Set;

/**
 * A feature's bulk import formats, served by {@link ImportResource} at {@code POST /api/v1/imports}
 * so that curation needs no feature class: the resource picks the importer by the kind of body
 * (from Content-Type) and the {@code format} parameter.
 */
public interface Importer {

  /** The kinds of body the import endpoint accepts, each under its own media types. */
  enum Body {
    BIBTEX,
    CSV,
    JSON,
    YAML
  }

  /** One format: a kind of body and the {@code format} value that selects it. */
  record Format(Body body, String name) {}

  Set<Format> formats();

  /**
   * Checks the request's parameters (a fault is answered before the import waits for a slot) and
   * returns the import itself, which {@link ImportGate} runs in a slot.
   */
  ImportGate.Work<ImportReport> prepare(Format format, ImportRequest request);
}
