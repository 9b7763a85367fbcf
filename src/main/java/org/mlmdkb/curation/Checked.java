package org.mlmdkb.curation;

import java.util.List;
import org.mlmdkb.common.error.Problem;

/** A collection's rules' verdict on an editable state: the state normalised, and every fault. */
public record Checked<I>(I item, List<Problem.FieldError> errors) {}
