package org.mlmdkb.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.mlmdkb.curation.auth.Caller;

/**
 * What every collection's write endpoints use besides the collection itself, injected as one so
 * that a {@link CuratedResource} names only its path and its collection.
 */
@ApplicationScoped
public class CuratedResourceSupport {

  private final CurationWorkflow workflow;
  private final CurationHistory history;
  private final Caller caller;
  private final ObjectMapper json;

  public CuratedResourceSupport(
      CurationWorkflow workflow, CurationHistory history, Caller caller, ObjectMapper json) {
    this.workflow = workflow;
    this.history = history;
    this.caller = caller;
    this.json = json;
  }

  // Accessors, not fields: the resource sees this bean through its client proxy.
  CurationWorkflow workflow() {
    return workflow;
  }

  CurationHistory history() {
    return history;
  }

  Caller caller() {
    return caller;
  }

  ObjectMapper json() {
    return json;
  }
}
