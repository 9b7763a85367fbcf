package org.mlmdkb.result.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.result.ResultInput;

/**
 * Creates the methods and dataset subsets an import's rows name and the corpus lacks, but only
 * those the request allows with {@code create_missing}; without it the row's refusal says what is
 * missing and how to create it. Creations go through each collection's own rules and history, in
 * the import's transaction, so a refused or dry-run import leaves none behind.
 */
@ApplicationScoped
public class MissingItemsCreator {

  private final MissingMethods methods;
  private final MissingSubsets subsets;
  private final ResultImportRepository corpus;

  public MissingItemsCreator(
      MissingMethods methods, MissingSubsets subsets, ResultImportRepository corpus) {
    this.methods = methods;
    this.subsets = subsets;
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
      if (methods.exists(m.slug())) {
        continue;
      }
      List<String> parents = corpus.liveMethods(m.lineage());
      methods.create(
          m,
          corpus.livePaperId(m.doi(), m.arxivId()).orElse(null),
          parents,
          corpus.liveDatasets(m.trainingSets()),
          keyName);
      List<String> reasons = new ArrayList<>(lineageNote(parents));
      if (m.supersededBy() != null) {
        reasons.add(methods.linkSuccessor(m.slug(), m.supersededBy(), keyName));
      }
      created.add(new ImportReport.Created("methods", m.slug(), "created", reasons));
    }
    for (Map.Entry<String, Map<String, String>> e : plan.subsets.entrySet()) {
      String dataset = e.getKey();
      for (String slug : subsets.add(dataset, e.getValue().keySet(), keyName)) {
        created.add(
            new ImportReport.Created(
                "datasets", dataset + "/" + slug, "created", List.of("subset of " + dataset)));
      }
    }
    return created;
  }

  private static List<String> lineageNote(List<String> lineage) {
    return lineage.isEmpty() ? List.of() : List.of("derives from " + String.join(", ", lineage));
  }
}
