package org.mlmdkb.paper.bibtex;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.mlmdkb.curation.ImportGate;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.curation.ImportRequest;
import org.mlmdkb.curation.Importer;

/** Papers from a BibTeX/BibLaTeX bibliography, as the import endpoint receives them. */
@ApplicationScoped
public class BibtexImporter implements Importer {

  private static final Format BIBLIOGRAPHY = new Format(Body.BIBTEX, "bibtex");

  private final ImportService service;

  public BibtexImporter(ImportService service) {
    this.service = service;
  }

  @Override
  public Set<Format> formats() {
    return Set.of(BIBLIOGRAPHY);
  }

  @Override
  public ImportGate.Work<ImportReport> prepare(Format format, ImportRequest request) {
    request.allowOnly(Set.of("dry_run", "partial"));
    boolean dryRun = request.flag("dry_run");
    boolean partial = request.flag("partial");
    return () -> service.importBibtex(request.open().readAll(), dryRun, partial, request.keyName());
  }
}
