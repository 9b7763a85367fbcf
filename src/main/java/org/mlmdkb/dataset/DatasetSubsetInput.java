package org.mlmdkb.dataset;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One subset of a dataset (a molecule, a temperature, a split), identified by its slug. */
public record DatasetSubsetInput(
    @NotBlank @Size(max = 200) String slug,
    @NotBlank @Size(max = 300) String name,
    @Size(max = 5000) String description,
    @Size(max = 500) String levelOfTheory,
    @PositiveOrZero @DecimalMax("100000") BigDecimal temperatureK,
    @PositiveOrZero Long nStructures) {}
