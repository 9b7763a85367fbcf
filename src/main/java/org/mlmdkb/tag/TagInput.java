package org.mlmdkb.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A tag's editable state: the body of POST and PUT, the document a merge patch applies to, and what
 * the history records. {@code parent} is the slug of a live tag, or null for a top-level tag.
 */
public record TagInput(
    @NotBlank @Size(max = 200) String slug,
    @NotBlank @Size(max = 200) String label,
    @Size(max = 200) String parent) {}
