package org.mlmdkb.result;

import java.math.BigDecimal;

/**
 * A benchmark result's editable state: the body of POST, the document a merge patch applies to, and
 * what the history records before and after each change. Method, dataset and subset are slugs;
 * {@code paper} is the reporting paper's numeric id; the last five fields are the provenance.
 */
public record ResultInput(
    String method,
    String methodVariant,
    String dataset,
    String subset,
    String task,
    String target,
    String metric,
    BigDecimal value,
    String unit,
    String basis,
    Integer nTrain,
    String split,
    BigDecimal uncertainty,
    Integer nRuns,
    BigDecimal temperatureK,
    String levelOfTheory,
    String status,
    String reportedOn,
    Long paper,
    String source,
    String repository,
    String path,
    String commit,
    String location) {}
