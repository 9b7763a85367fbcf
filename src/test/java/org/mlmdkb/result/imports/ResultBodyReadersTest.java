package org.mlmdkb.result.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.error.ApiException;

class ResultBodyReadersTest {

  private static final MatbenchModelReader.Origin ORIGIN =
      new MatbenchModelReader.Origin("janosh/matbench-discovery", "models/test/x.yml", null);

  @Test
  void brokenCsvNamesTheLineWithoutJavaInternals() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                ResultTableReader.csv(
                    new StringReader("method,dataset,task,target,metric,value,unit,basis\n\"a,b\n"),
                    100));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("The body is not valid CSV: "), e.getMessage());
    assertFalse(e.getMessage().contains("java."), e.getMessage());
  }

  @Test
  void csvRowsHoldTheTextsTheyRepeatOnce() {
    List<ResultRow> rows =
        ResultTableReader.csv(
            new StringReader(
                "method,dataset,task,target,metric,value,unit,basis,location\n"
                    + "mace,3bpa,t,forces,RMSE,1.5,meV/A,per-atom,row 1\n"
                    + "mace,3bpa,t,forces,RMSE,1.6,meV/A,per-atom,row 2\n"),
            100);
    assertSame(rows.get(0).input().method(), rows.get(1).input().method());
    assertSame(rows.get(0).input().unit(), rows.get(1).input().unit());
    assertNotSame(rows.get(0).input().location(), rows.get(1).input().location());
    assertEquals("row 2", rows.get(1).input().location());
  }

  @Test
  void jsonRowsHoldTheTextsTheyRepeatOnce() {
    String row =
        "{\"method\": \"mace\", \"dataset\": \"3bpa\", \"task\": \"t\", \"target\":"
            + " \"forces\", \"metric\": \"RMSE\", \"value\": 1.5, \"unit\": \"meV/A\","
            + " \"basis\": \"per-atom\"}";
    List<ResultRow> rows =
        ResultTableReader.json(
            new StringReader("[" + row + ", " + row + "]"), new ObjectMapper(), 100);
    assertSame(rows.get(0).input().dataset(), rows.get(1).input().dataset());
    assertSame(rows.get(0).input().basis(), rows.get(1).input().basis());
  }

  @Test
  void csvCellsThatAreNotNumbersAreNamedPerRow() {
    List<ResultRow> rows =
        ResultTableReader.csv(
            new StringReader(
                "\uFEFFmethod,dataset,task,target,metric,value,unit,basis,n_train\n"
                    + "m,d,t,energy,MAE,1.50,eV,per-structure,many\n"),
            100);
    assertEquals(1, rows.size());
    assertEquals(new BigDecimal("1.50"), rows.get(0).input().value());
    assertNull(rows.get(0).input().nTrain());
    assertEquals("n_train", rows.get(0).unreadable().get(0).name());
  }

  @Test
  void aCsvRowWithTooFewCellsIsRefusedOnItsOwnAndTheNextIsRead() {
    List<ResultRow> rows =
        ResultTableReader.csv(
            new StringReader(
                "method,dataset,task,target,metric,value,unit,basis\n"
                    + "mace,3bpa,t,forces,RMSE,1.5,meV/A\n"
                    + "mace,3bpa,t,forces,RMSE,1.6,meV/A,per-atom\n"),
            100);
    assertEquals(2, rows.size());
    assertNull(rows.get(0).input());
    assertEquals("has 7 cells, the header 8", rows.get(0).unreadable().get(0).message());
    assertEquals("per-atom", rows.get(1).input().basis());
    assertEquals(new BigDecimal("1.6"), rows.get(1).input().value());
  }

  @Test
  void modelYamlMapsMetricsAsTheSeedConverterDoes() {
    List<ResultRow> rows =
        MatbenchModelReader.read(
            new StringReader(
                """
            model_key: test-model
            dates: {paper_published: '2020-01-02'}
            metrics:
              discovery:
                pred_file: {name: x}
                most_stable_10k:
                  F1: 0.5 # fraction
                  MAE: 0.1 # fraction
              geo_opt:
                symprec=1e-2:
                  n_structures: 10
                  rmsd: 0.1
              phonons:
                kappa_103:
                  κ_SRME: '0.3'
            """),
            ORIGIN);
    assertEquals(5, rows.size());
    ResultRow f1 = rows.get(0);
    assertEquals("metrics.discovery.most_stable_10k.F1", f1.key());
    assertEquals("wbm", f1.input().dataset());
    assertEquals("most-stable-10k", f1.input().subset());
    assertEquals("1", f1.input().unit());
    assertEquals("2020-01-02", f1.input().reportedOn());
    assertEquals("metrics.discovery.most_stable_10k.F1 (line 7)", f1.input().location());
    // An inline unit comment that contradicts the established unit keeps the value out.
    assertTrue(rows.get(1).notImported().contains("contradicts eV/atom"));
    assertEquals("n_structures (symprec=1e-2)", rows.get(2).input().metric());
    assertEquals("geometry", rows.get(2).input().target());
    assertTrue(rows.get(3).notImported().contains("does not establish the unit"));
    assertTrue(rows.get(4).notImported().contains("not a number"));
  }
}
