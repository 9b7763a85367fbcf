package org.mlmdkb.method;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.result.imports.MissingMethods;
import org.mlmdkb.result.imports.NewMethod;

/** Creates and links the methods a result import names and the corpus lacks. */
@ApplicationScoped
public class MethodsForResultImports implements MissingMethods {

  private final CurationWorkflow workflow;
  private final MethodCollection methods;
  private final HistoryRepository history;

  public MethodsForResultImports(
      CurationWorkflow workflow, MethodCollection methods, HistoryRepository history) {
    this.workflow = workflow;
    this.methods = methods;
    this.history = history;
  }

  @Override
  public boolean exists(String slug) throws SQLException {
    return methods.find(slug, true).isPresent();
  }

  @Override
  public void create(
      NewMethod m,
      Long paperId,
      List<String> parents,
      List<String> trainingDatasets,
      String keyName)
      throws SQLException {
    MethodInput.Paper paper =
        paperId == null && m.doi() == null && m.arxivId() == null
            ? null
            : new MethodInput.Paper(paperId, m.doi(), m.arxivId(), null);
    MethodInput input =
        new MethodInput(
            m.slug(),
            m.name(),
            List.of(),
            m.family(),
            m.description(),
            m.year(),
            paper,
            m.codeUrl(),
            m.licence(),
            m.parameterCount(),
            parents,
            List.of(),
            trainingDatasets);
    workflow.create(methods, input, keyName);
  }

  /** The link is the newer method's, as parents are the child's. */
  @Override
  public String linkSuccessor(String created, String supersededBy, String keyName)
      throws SQLException {
    String successor = supersededBy.strip().toLowerCase(Locale.ROOT);
    Optional<Long> id =
        Slugs.isValid(successor) ? methods.find(successor, false) : Optional.empty();
    if (id.isEmpty() || !methods.lockLive(id.get())) {
      return "superseded by " + supersededBy + ", which the corpus lacks: not linked";
    }
    MethodInput before = methods.editableState(id.get()).orElseThrow();
    List<String> supersedes = new ArrayList<>(before.supersedes());
    supersedes.add(created.strip().toLowerCase(Locale.ROOT));
    MethodInput after;
    try {
      after =
          methods.validate(
              new MethodInput(
                  before.slug(),
                  before.name(),
                  before.aliases(),
                  before.family(),
                  before.description(),
                  before.year(),
                  before.paper(),
                  before.codeUrl(),
                  before.licence(),
                  before.parameterCount(),
                  before.parents(),
                  supersedes,
                  before.trainingDatasets()),
              id.get());
    } catch (ApiException refused) {
      return "superseded by "
          + successor
          + ", not linked: "
          + refused.errors().stream()
              .map(Problem.FieldError::message)
              .collect(Collectors.joining("; "));
    }
    methods.update(id.get(), after);
    history.record(methods.name(), id.get(), "update", keyName, before, after);
    return "superseded by " + successor + " (linked: " + successor + " supersedes it)";
  }
}
