// node --test  (pure helpers of results.mjs)
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bpaColumn, bpaUnit, buildResults, kgcnnSubset, matbenchUnit, parseMarkdownTables, parseNumber, parsePercent,
  splitRow, ARENA_COLUMNS, EXTERNAL_DATASETS,
} from './results.mjs';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

test('percent strings', () => {
  assert.equal(parsePercent('4.56%'), 4.56);
  assert.equal(parsePercent('0%'), 0);
  assert.equal(parsePercent(' 1.10%\t'), 1.1);
  assert.equal(parsePercent('8.90 %'), 8.9);
  assert.equal(parsePercent('0.0126'), null);
  assert.equal(parsePercent('n/a'), null);
});

test('plain numbers', () => {
  assert.equal(parseNumber(' 0.02825 '), 0.02825);
  assert.equal(parseNumber('1e-3'), 0.001);
  assert.equal(parseNumber('4.56%'), null);
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('NaN'), null);
});

test('markdown rows and tables', () => {
  assert.deepEqual(splitRow('| a | b\t| c |'), ['a', 'b', 'c']);
  assert.deepEqual(splitRow('| a | [x](u) \\| [y](v) | 0.447'), ['a', '[x](u) | [y](v)', '0.447']); // no trailing pipe
  const md = [
    '# Open Catalyst 2020 (OC20)', '', '## IS2RE models', '',
    '| Model Name | Model | Split | val ID energy MAE |', '|---|---|---|---|',
    '| CGCNN-IS2RE-OC20-10k | CGCNN | 10k | 0.9881 |', '| X | Y | All | 0.5 |', '',
    '```bibtex', '| not | a | table |', '```',
  ].join('\n');
  const t = parseMarkdownTables(md);
  assert.equal(t.length, 1);
  assert.equal(t[0].h1, 'Open Catalyst 2020 (OC20)');
  assert.equal(t[0].h2, 'IS2RE models');
  assert.equal(t[0].rows.length, 2);
  assert.equal(t[0].rows[0].line, 7);
  assert.deepEqual(t[0].rows[0].cells, ['CGCNN-IS2RE-OC20-10k', 'CGCNN', '10k', '0.9881']);
});

test('unit assignment: Matbench Discovery', () => {
  assert.deepEqual(matbenchUnit('discovery', 'F1'), { unit: '1', basis: 'none', target: 'discovery' });
  assert.deepEqual(matbenchUnit('discovery', 'TP'), { unit: 'count', basis: 'none', target: 'discovery' });
  assert.deepEqual(matbenchUnit('discovery', 'MAE'), { unit: 'eV/atom', basis: 'per-atom', target: 'discovery' });
  assert.deepEqual(matbenchUnit('md', 'energy_rmse'), { unit: 'meV/atom', basis: 'per-atom', target: 'md' });
  assert.deepEqual(matbenchUnit('md', 'force_rmse'), { unit: 'meV/Å', basis: 'none', target: 'md' });
  assert.deepEqual(matbenchUnit('md', 'pressure_mae'), { unit: 'GPa', basis: 'none', target: 'md' });
  assert.deepEqual(matbenchUnit('md', 'rdf_error'), { unit: '%', basis: 'none', target: 'md' });
  assert.equal(matbenchUnit('md', 'vdos_error'), null); // unit not established → skipped
  assert.equal(matbenchUnit('geo_opt', 'rmsd'), null);
  assert.equal(matbenchUnit('phonons', 'spectrum_w1'), null);
  assert.equal(matbenchUnit('md', 'run_time_sec'), undefined); // not a metric at all
  assert.deepEqual(matbenchUnit('diatomics', 'pbe_vib_freq_error'), { unit: 'cm⁻¹', basis: 'none', target: 'diatomics' });
  assert.deepEqual(matbenchUnit('phonons', 'κ_SRME'), { unit: '1', basis: 'none', target: 'thermal-conductivity' });
});

test('unit assignment: 3BPA, kgcnn, MLIP Arena', () => {
  assert.deepEqual(bpaColumn('test_1200K_forces'), { subset: 'test-1200k', temperature_k: 1200, target: 'forces' });
  assert.equal(bpaColumn('nsamples'), null);
  assert.deepEqual(bpaUnit('energy'), { unit: 'eV/atom', basis: 'per-atom' });
  assert.deepEqual(bpaUnit('forces'), { unit: 'eV/Å', basis: 'none' });
  assert.deepEqual(kgcnnSubset('benzene_ccsd_t'), { subset: 'benzene-ccsd-t', level_of_theory: 'CCSD(T)' });
  assert.deepEqual(kgcnnSubset('aspirin_ccsd'), { subset: 'aspirin-ccsd', level_of_theory: 'CCSD' });
  assert.ok(EXTERNAL_DATASETS.md17.includes(kgcnnSubset('toluene_ccsd_t').subset));
  assert.equal(ARENA_COLUMNS.missing, 'count');
  assert.equal(ARENA_COLUMNS.rank, undefined);
});

test('full build on the shared data (skipped when absent)', { skip: !fs.existsSync(path.join(SHARED, 'SOURCES.md')) }, () => {
  const a = buildResults(SHARED);
  const b = buildResults(SHARED);
  assert.equal(JSON.stringify(a.results), JSON.stringify(b.results), 'deterministic');
  const rs = a.results.results;
  assert.ok(rs.length >= 1000);
  assert.equal(new Set(rs.map((r) => r.key)).size, rs.length);
  const byKey = new Map(rs.map((r) => [r.key, r]));
  const f1 = byKey.get('matbench-discovery:mace-mp-0:discovery:full_test_set:F1');
  assert.equal(f1.value, 0.668);
  assert.equal(f1.unit, '1');
  const efwt = byKey.get('fairchem:oc20-s2ef-efwt:GemNet-OC-S2EF-OC20-All+MD:efwt');
  assert.equal(efwt.value, 4.72);
  assert.equal(efwt.unit, '%');
  // duplicated MACE v2_l3 runs stay separate
  const dup = rs.filter((r) => r.method === 'mace' && r.method_variant === 'v2_l3' && r.n_train === 5 && r.subset === 'test-300k' && r.target === 'energy');
  assert.equal(dup.length, 2);
  assert.notEqual(dup[0].value, dup[1].value);
});
