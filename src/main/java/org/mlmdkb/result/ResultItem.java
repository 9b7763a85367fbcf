package org.mlmdkb.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;

/**
 * A result of the result list: the shared {@link ResultDto}, plus its value converted to the unit
 * the request asked for (absent without {@code unit=}).
 */
public record ResultItem(
    @JsonUnwrapped ResultDto result,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal convertedValue,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal convertedUncertainty,
    @JsonInclude(JsonInclude.Include.NON_NULL) String convertedUnit) {}
