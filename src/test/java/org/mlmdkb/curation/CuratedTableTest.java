package org.mlmdkb.curation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.article.ArticleWriteRepository;
import org.mlmdkb.dataset.DatasetWriteRepository;
import org.mlmdkb.method.MethodWriteRepository;
import org.mlmdkb.metric.MetricWriteRepository;
import org.mlmdkb.paper.PaperWriteRepository;
import org.mlmdkb.tag.TagWriteRepository;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A row lock ends with its transaction, so without one it would hold nothing: every collection's
 * write repository, which inherits lockLive from CuratedTable, refuses to lock outside one.
 */
@QuarkusTest
class CuratedTableTest extends ApiTest {

  @Inject ArticleWriteRepository articles;
  @Inject DatasetWriteRepository datasets;
  @Inject MethodWriteRepository methods;
  @Inject MetricWriteRepository metrics;
  @Inject PaperWriteRepository papers;
  @Inject TagWriteRepository tags;

  @Test
  void lockLiveOutsideATransactionIsRefusedByEveryCollection() {
    List<CuratedTable<?>> tables = List.of(articles, datasets, methods, metrics, papers, tags);
    assertAll(
        tables.stream()
            .map(
                table ->
                    () -> {
                      TransactionalException refused =
                          assertThrows(TransactionalException.class, () -> table.lockLive(1));
                      assertInstanceOf(TransactionRequiredException.class, refused.getCause());
                    }));
  }
}
