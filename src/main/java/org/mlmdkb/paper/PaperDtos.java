package org.mlmdkb.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.mlmdkb.result.ResultDto;

/** Shapes of papers on the wire (see openapi.yaml: PaperSummary, PaperDetail, RelatedList). */
public final class PaperDtos {

  private PaperDtos() {}

  public record AuthorRef(long id, String name) {}

  public record PaperSummary(
      long id,
      String title,
      Integer year,
      String date,
      String venue,
      String entryType,
      String doi,
      String arxivId,
      String url,
      String codeUrl,
      List<AuthorRef> authors,
      List<String> tags,
      OffsetDateTime addedAt) {}

  public record LinkedItem(String slug, String name, String relation) {}

  public record SourceRef(String id, String key) {}

  public record PaperDetail(
      long id,
      String title,
      @JsonProperty("abstract") String abstractText,
      Integer year,
      String date,
      String venue,
      String volume,
      String number,
      String pages,
      String publisher,
      String entryType,
      String doi,
      String arxivId,
      String url,
      String codeUrl,
      List<AuthorRef> authors,
      List<String> tags,
      List<LinkedItem> methods,
      List<LinkedItem> datasets,
      List<ResultDto> results,
      List<SourceRef> sources,
      OffsetDateTime addedAt,
      OffsetDateTime updatedAt) {}

  public record RelatedPaper(
      long id,
      String title,
      Integer year,
      double score,
      List<String> sharedMethods,
      List<String> sharedDatasets,
      List<String> sharedTags) {}

  public record RelatedList(List<RelatedPaper> items) {}
}
