package org.mlmdkb.result.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.dataset.DatasetCollection;
import org.mlmdkb.dataset.DatasetInput;
import org.mlmdkb.dataset.DatasetSubsetInput;
import org.mlmdkb.method.MethodCollection;
import org.mlmdkb.method.MethodInput;
import org.mlmdkb.result.ResultInput;

/**
 * Creates the methods and dataset subsets an import's rows name and the corpus lacks, but only
 * those the request allows with {@code create_missing}; without it the row's refusal says what is
 * missing and how to create it. Creations go through each collection's own rules and history, in
 * the import's transaction, so a refused or dry-run import leaves none behind.
 */
@ApplicationScoped
public class MissingItemsCreator {

  private final CurationWorkflow workflow;
  private final MethodCollection methods;
  private final DatasetCollection datasets;
  private final HistoryRepository history;
  private final ResultImportRepository corpus;

  public MissingItemsCreator(
      CurationWorkflow workflow,
      MethodCollection methods,
      DatasetCollection datasets,
      HistoryRepository history,
      ResultImportRepository corpus) {
    this.workflow = workflow;
    this.methods = methods;
    this.datasets = datasets;
    this.history = history;
    this.corpus = corpus;
  }

  /** What one import will create, collected while its rows are checked. */
  static final class Plan {
    private final Set<MissingItems> allowed;
    private final Map<String, NewMethod> methods = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> subsets = new LinkedHashMap<>();

    Plan(Set<MissingItems> allowed) {
      this.allowed = allowed;
    }

    /**
     * The row's faults without those this plan will cure; a missing method or subset the request
     * does not allow to create gets a fault saying how to create it.
     */
    List<Problem.FieldError> absorb(
        ResultRow row, ResultInput result, List<Problem.FieldError> faults) {
      List<Problem.FieldError> left = new ArrayList<>();
      for (Problem.FieldError f : faults) {
        if (f.name().equals("method") && f.message().startsWith("unknown method")) {
          if (allowed.contains(MissingItems.METHODS)) {
            NewMethod m =
                row.newMethod() != null
                    ? row.newMethod()
                    : NewMethod.slugOnly(result.method(), "other");
            methods.putIfAbsent(m.slug(), m);
            continue;
          }
          left.add(
              hint(
                  f, "create it with POST /api/v1/methods, or import with create_missing=methods"));
        } else if (f.name().equals("subset") && f.message().startsWith("unknown subset")) {
          if (allowed.contains(MissingItems.SUBSETS)) {
            subsets
                .computeIfAbsent(result.dataset(), d -> new LinkedHashMap<>())
                .putIfAbsent(result.subset(), result.subset());
            continue;
          }
          left.add(
              hint(
                  f,
                  "add it with PATCH /api/v1/datasets/"
                      + result.dataset()
                      + ", or import with create_missing=subsets"));
        } else {
          left.add(f);
        }
      }
      return left;
    }

    /** Locked with the rows' duplicate keys, so two imports never both create the same item. */
    List<String> naturalKeys() {
      List<String> keys = new ArrayList<>();
      methods.keySet().forEach(slug -> keys.add("method\u0000" + slug));
      subsets.keySet().forEach(dataset -> keys.add("dataset\u0000" + dataset));
      return keys;
    }

    private static Problem.FieldError hint(Problem.FieldError f, String how) {
      return new Problem.FieldError(f.name(), f.in(), f.message() + ": " + how);
    }
  }

  Plan plan(Set<MissingItems> allowed) {
    return new Plan(allowed);
  }

  /** Creates what the plan holds; an item another import created meanwhile is left alone. */
  List<ImportReport.Created> create(Plan plan, String keyName) throws SQLException {
    List<ImportReport.Created> created = new ArrayList<>();
    for (NewMethod m : plan.methods.values()) {
      if (methods.find(m.slug(), true).isPresent()) {
        continue;
      }
      MethodInput input = methodInput(m);
      workflow.create(methods, input, keyName);
      List<String> reasons = new ArrayList<>(lineageNote(input.parents()));
      if (m.supersededBy() != null) {
        reasons.add(linkSuccessor(input.slug(), m.supersededBy(), keyName));
      }
      created.add(new ImportReport.Created("methods", m.slug(), "created", reasons));
    }
    for (Map.Entry<String, Map<String, String>> e : plan.subsets.entrySet()) {
      created.addAll(addSubsets(e.getKey(), e.getValue().keySet(), keyName));
    }
    return created;
  }

  private MethodInput methodInput(NewMethod m) throws SQLException {
    Long paperId = corpus.livePaperId(m.doi(), m.arxivId()).orElse(null);
    MethodInput.Paper paper =
        paperId == null && m.doi() == null && m.arxivId() == null
            ? null
            : new MethodInput.Paper(paperId, m.doi(), m.arxivId(), null);
    return new MethodInput(
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
        corpus.liveMethods(m.lineage()),
        List.of(),
        corpus.liveDatasets(m.trainingSets()));
  }

  /**
   * The newer model named by {@code superseded_by} gains a "supersedes" link to the method just
   * created, when the corpus has it live (the link is the newer method's, as parents are the
   * child's), checked by the method rules and recorded in its history. Returns what happened, for
   * the report; a successor the corpus lacks, or a link the rules refuse, leaves it unlinked.
   */
  private String linkSuccessor(String created, String supersededBy, String keyName)
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

  private static List<String> lineageNote(List<String> lineage) {
    return lineage.isEmpty() ? List.of() : List.of("derives from " + String.join(", ", lineage));
  }

  private List<ImportReport.Created> addSubsets(String dataset, Set<String> slugs, String keyName)
      throws SQLException {
    Optional<Long> id = datasets.find(dataset, false);
    if (id.isEmpty() || !datasets.lockLive(id.get())) {
      throw ApiException.notFound("Dataset " + dataset);
    }
    DatasetInput before = datasets.editableState(id.get()).orElseThrow();
    List<DatasetSubsetInput> subsets = new ArrayList<>(before.subsets());
    List<ImportReport.Created> created = new ArrayList<>();
    for (String slug : slugs) {
      if (subsets.stream().noneMatch(s -> s.slug().equals(slug))) {
        subsets.add(new DatasetSubsetInput(slug, slug, null, null, null, null));
        created.add(
            new ImportReport.Created(
                "datasets", dataset + "/" + slug, "created", List.of("subset of " + dataset)));
      }
    }
    if (created.isEmpty()) {
      return created;
    }
    DatasetInput after =
        datasets.validate(
            new DatasetInput(
                before.slug(),
                before.name(),
                before.aliases(),
                before.description(),
                before.domain(),
                before.levelOfTheory(),
                before.nStructures(),
                before.nMaterials(),
                before.sizeNote(),
                before.licence(),
                before.url(),
                before.paper(),
                subsets),
            id.get());
    datasets.update(id.get(), after);
    history.record(datasets.name(), id.get(), "update", keyName, before, after);
    return created;
  }
}
