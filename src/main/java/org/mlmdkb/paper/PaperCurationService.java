package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.paper.PaperDtos.PaperDetail;

/** Paper creation for callers outside the HTTP resource (add-by-identifier). */
@ApplicationScoped
public class PaperCurationService {

  /** A paper as readers now see it, with the ETag of that representation. */
  public record Written(PaperDetail paper, String etag) {}

  private final CurationWorkflow workflow;
  private final PaperCollection papers;

  public PaperCurationService(CurationWorkflow workflow, PaperCollection papers) {
    this.workflow = workflow;
    this.papers = papers;
  }

  public Written create(PaperInput input, String keyName) throws SQLException {
    CurationWorkflow.Written written = workflow.create(papers, input, keyName);
    return new Written((PaperDetail) written.body(), written.etag());
  }
}
