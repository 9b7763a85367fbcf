#!/usr/bin/env node
// Converter: upstream benchmark files in shared/data → seed/results.json + seed/benchmark-datasets.json
//
//   node results.mjs [sharedDataDir] [seedDir]
//
// defaults (relative to this script's directory): ../../../shared/data and ../main/resources/seed
//
// Sources: matbench-discovery (model YAML metrics), fairchem (model_checkpoints.md tables),
// data-efficiency-3bpa (CSV), kgcnn-md17 (YAML score files), mlip-arena (leaderboard CSVs).
// Every value keeps the number exactly as the source writes it, with a typed unit taken from the
// source (or from the file SOURCES.md names as defining it) and full provenance (repository,
// path, commit, location inside the file). A metric whose unit cannot be established is skipped
// and listed in the report — never guessed.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  ARENA_MAP, cleanText, cmp, fairchemModelSlug, parseSourcesMd, readMatbenchModels, uniqSorted, writeJson,
} from './methods.mjs';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));

export const UNITS = new Set(['eV', 'meV', 'eV/atom', 'meV/atom', 'kcal/mol', 'kJ/mol', 'Ha', 'eV/Å', 'meV/Å',
  'kcal/mol/Å', 'GPa', 'eV/Å³', 'Å', 'cm⁻¹', '%', '1', 'count', 's']);
export const TARGETS = new Set(['energy', 'forces', 'stress', 'discovery', 'geometry', 'thermal-conductivity',
  'phonons', 'diatomics', 'md', 'eos']);

/** Dataset slugs (and subsets) that datasets.json (written by someone else) guarantees. */
export const EXTERNAL_DATASETS = {
  wbm: ['full-test-set', 'most-stable-10k', 'unique-prototypes'],
  md17: ['aspirin-ccsd', 'benzene-ccsd-t', 'ethanol-ccsd-t', 'malonaldehyde-ccsd-t', 'toluene-ccsd-t'],
  '3bpa': ['test-300k', 'test-600k', 'test-1200k'],
  oc20: ['s2ef-val-id', 'is2re-val-id'],
  oc22: ['s2ef-total-val-id'],
  odac23: [], omat24: [], mptrj: [], 'mp-2022': [], salex: [], alexandria: [], rmd17: [], qm9: [], 'ani-1x': [],
};

// ---------------------------------------------------------------------------------------------
// pure helpers (exported for tests)
// ---------------------------------------------------------------------------------------------

/** "4.56%" → 4.56, "0%" → 0, " 1.10% " → 1.1; anything else → null. */
export function parsePercent(s) {
  if (typeof s !== 'string') return null;
  const m = s.trim().match(/^([-+]?\d+(?:\.\d+)?)\s*%$/);
  return m ? Number(m[1]) : null;
}

/** Plain decimal number string → number; anything else (units, %, text) → null. */
export function parseNumber(s) {
  if (typeof s === 'number') return Number.isFinite(s) ? s : null;
  if (typeof s !== 'string') return null;
  const t = s.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Split one markdown table row into trimmed cells; a missing trailing `|` is tolerated; `\|` is kept as `|`. */
export function splitRow(line) {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').replace(/\t/g, ' ').trim());
}

/** All pipe tables of a markdown file with the nearest preceding `#` and `##` headings. */
export function parseMarkdownTables(text) {
  const lines = text.split('\n');
  const tables = [];
  let h1 = null;
  let h2 = null;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line.trim())) { inFence = !inFence; continue; }
    if (inFence) continue;
    let m;
    if ((m = line.match(/^#\s+(.*)$/))) { h1 = m[1].trim(); h2 = null; continue; }
    if ((m = line.match(/^#{2,3}\s+(.*)$/))) { h2 = m[1].trim(); continue; }
    if (line.trim().startsWith('|') && i + 1 < lines.length && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1])) {
      const header = splitRow(line);
      const rows = [];
      let j = i + 2;
      for (; j < lines.length && lines[j].trim().startsWith('|'); j++) rows.push({ line: j + 1, cells: splitRow(lines[j]) });
      tables.push({ h1, h2, headerLine: i + 1, header, rows });
      i = j - 1;
    }
  }
  return tables;
}

/**
 * Matbench Discovery metric → unit/basis/target. `null` = unit not established → skipped.
 *
 * discovery: units are written as inline YAML comments in every file (fraction, dimensionless,
 *   count, eV/atom); this table is checked against those comments value by value.
 * geo_opt: SOURCES.md gives no units. symmetry_decrease/match/increase are fractions of the
 *   relaxed structures (they sum to 1 per symprec, checked below), n_structures is a count,
 *   n_sym_ops_mae is a mean absolute difference of numbers of symmetry operations — a
 *   dimensionless number. rmsd has a length or a normalised scale depending on the structure
 *   matcher used; no file states which → skipped.
 * phonons.kappa_103: κ_SRME/κ_SRE/κ_SRD are symmetric *relative* errors/deviations of κ
 *   (dimensionless by construction; one file also comments `κ_SRME: … # dimensionless`),
 *   κ_failure_rate and imaginary_mode_rate are rates in [0, 1] (checked). spectrum_w1 is a
 *   Wasserstein distance between spectra whose frequency unit no file states → skipped.
 * diatomics: units from matbench_discovery/enums.py as quoted in SOURCES.md; tortuosity is
 *   "unitless". energy_diff_flips / force_flips count sign changes along a curve (averaged),
 *   i.e. dimensionless numbers. Energies are labelled eV (not eV/atom) → basis per-structure.
 * md: units from matbench_discovery/metrics/md-metrics-design.md as quoted in SOURCES.md.
 *   adf_error and vdos_error are not covered by SOURCES.md → skipped (reported).
 */
export const MATBENCH_METRICS = {
  discovery: {
    F1: ['1', 'none'], DAF: ['1', 'none'], Precision: ['1', 'none'], Recall: ['1', 'none'],
    Accuracy: ['1', 'none'], TPR: ['1', 'none'], FPR: ['1', 'none'], TNR: ['1', 'none'], FNR: ['1', 'none'],
    TP: ['count', 'none'], FP: ['count', 'none'], TN: ['count', 'none'], FN: ['count', 'none'],
    missing_preds: ['count', 'none'], MAE: ['eV/atom', 'per-atom'], RMSE: ['eV/atom', 'per-atom'], R2: ['1', 'none'],
  },
  geo_opt: {
    n_sym_ops_mae: ['1', 'none'], symmetry_decrease: ['1', 'none'], symmetry_match: ['1', 'none'],
    symmetry_increase: ['1', 'none'], n_structures: ['count', 'none'], rmsd: null,
  },
  phonons: {
    'κ_SRME': ['1', 'none', 'thermal-conductivity'], 'κ_SRE': ['1', 'none', 'thermal-conductivity'],
    'κ_SRD': ['1', 'none', 'thermal-conductivity'], 'κ_failure_rate': ['1', 'none', 'thermal-conductivity'],
    imaginary_mode_rate: ['1', 'none', 'phonons'], spectrum_w1: null,
  },
  diatomics: {
    pbe_energy_mae: ['eV', 'per-structure'], pbe_force_mae: ['eV/Å', 'none'], pbe_wall_dist_mae: ['Å', 'none'],
    pbe_bond_length_error: ['Å', 'none'], pbe_well_depth_error: ['eV', 'per-structure'],
    pbe_vib_freq_error: ['cm⁻¹', 'none'], energy_jump: ['eV', 'per-structure'], force_jump: ['eV/Å', 'none'],
    force_total_variation: ['eV/Å', 'none'], tortuosity: ['1', 'none'], energy_diff_flips: ['1', 'none'],
    force_flips: ['1', 'none'],
  },
  md: {
    energy_rmse: ['meV/atom', 'per-atom'], force_rmse: ['meV/Å', 'none'], rdf_error: ['%', 'none'],
    pressure_mae: ['GPa', 'none'], pressure_wasserstein: ['GPa', 'none'], pressure_error: ['%', 'none'],
    n_systems: ['count', 'none'], adf_error: null, vdos_error: null,
  },
};
/** Keys inside metric blocks that are not metrics. */
const MATBENCH_NON_METRICS = new Set(['pred_file', 'hardware', 'run_time_sec', 'analysis_file', 'excluded_formula_reasons']);
const COMMENT_UNIT = { fraction: '1', dimensionless: '1', count: 'count', 'eV/atom': 'eV/atom' };
const BLOCK_TARGET = { discovery: 'discovery', geo_opt: 'geometry', phonons: 'thermal-conductivity', diatomics: 'diatomics', md: 'md' };
const WBM_SUBSET = { full_test_set: 'full-test-set', most_stable_10k: 'most-stable-10k', unique_prototypes: 'unique-prototypes' };

/** Metric unit lookup for a Matbench block/metric: [unit, basis, target] | null (skip) | undefined (unknown key). */
export function matbenchUnit(block, metric) {
  const t = MATBENCH_METRICS[block];
  if (!t || !(metric in t)) return undefined;
  const u = t[metric];
  if (u === null) return null;
  return { unit: u[0], basis: u[1], target: u[2] || BLOCK_TARGET[block] };
}

/**
 * fairchem model_checkpoints.md tables that carry metrics.
 *
 * Units: only the first OC20 table writes one in its header (`val ID force MAE (eV / Å)`).
 *  - "optimized for force only": same quantity (OC20 S2EF val-ID force MAE), same document and
 *    the same magnitude (0.028–0.061) as the eV/Å column of the EFwT table (0.013–0.080); the
 *    same architectures (SchNet/DimeNet++ All) appear in both tables with values of the same
 *    order → eV/Å.
 *  - "IS2RE models": OC20 relaxed adsorption-energy MAE of a whole adsorbate+slab system (the
 *    document: OC20 models are trained on adsorption energies); 0.56–1.06 can only be eV here
 *    (meV would be absurdly small, and the energy is per system, not per atom) → eV, per-structure.
 *  - OC22 "S2EF-Total models": force MAE 0.023–0.032 like the OC20 force columns → eV/Å; energy
 *    MAE of DFT total energies (document: "trained on DFT total energies") 0.42–1.13 → eV per
 *    structure.
 *  - EFwT is a percent string ("4.56%") → value 4.56, unit `%`.
 * Split column (200k / 2M / 20M / All / All+MD, 10k / 100k for IS2RE, OC22 "Training" column)
 * → `split`; n_train stays null (the split names a training set, not a count).
 */
export const FAIRCHEM_TABLES = [
  { id: 'oc20-s2ef-efwt', h1: /\(OC20\)/, h2: 'S2EF models: optimized for EFwT', rows: 33, dataset: 'oc20', subset: 's2ef-val-id', task: 's2ef', splitCol: 'Split',
    cols: {
      'val ID force MAE (eV / Å)': { metric: 'MAE', slug: 'force-mae', target: 'forces', unit: 'eV/Å', basis: 'none' },
      'val ID EFwT': { metric: 'EFwT', slug: 'efwt', target: 'energy', unit: '%', basis: 'none', percent: true },
    } },
  { id: 'oc20-s2ef-force-only', h1: /\(OC20\)/, h2: 'S2EF models: optimized for force only', rows: 5, dataset: 'oc20', subset: 's2ef-val-id', task: 's2ef', splitCol: 'Split',
    cols: { 'val ID force MAE': { metric: 'MAE', slug: 'force-mae', target: 'forces', unit: 'eV/Å', basis: 'none' } } },
  { id: 'oc20-is2re', h1: /\(OC20\)/, h2: 'IS2RE models', rows: 13, dataset: 'oc20', subset: 'is2re-val-id', task: 'is2re', splitCol: 'Split',
    cols: { 'val ID energy MAE': { metric: 'MAE', slug: 'energy-mae', target: 'energy', unit: 'eV', basis: 'per-structure' } } },
  { id: 'oc22-s2ef-total', h1: /\(OC22\)/, h2: 'S2EF-Total models', rows: 6, dataset: 'oc22', subset: 's2ef-total-val-id', task: 's2ef-total', splitCol: 'Training',
    cols: {
      'val ID force MAE': { metric: 'MAE', slug: 'force-mae', target: 'forces', unit: 'eV/Å', basis: 'none' },
      'val ID energy MAE': { metric: 'MAE', slug: 'energy-mae', target: 'energy', unit: 'eV', basis: 'per-structure' },
    } },
];

/** 3BPA extrapolation column → test-set subset, temperature and target. */
export function bpaColumn(col) {
  const m = col.match(/^test_(\d+)K_(energy|forces)$/);
  if (!m) return null;
  return { subset: `test-${m[1]}k`, temperature_k: Number(m[1]), target: m[2] === 'energy' ? 'energy' : 'forces' };
}
/**
 * 3BPA units: not written in the CSVs. SOURCES.md: the authors' notebooks plot these columns as
 * "Energy RMSE (eV/atom)" and "Forces RMSE (eV/Å)" → RMSE, eV/atom (per-atom) and eV/Å.
 */
export function bpaUnit(target) {
  return target === 'energy' ? { unit: 'eV/atom', basis: 'per-atom' } : { unit: 'eV/Å', basis: 'none' };
}

/** kgcnn trajectory name → md17 subset slug + level of theory ("aspirin_ccsd" → aspirin-ccsd, CCSD). */
export function kgcnnSubset(traj) {
  const subset = String(traj).toLowerCase().replace(/_/g, '-');
  const lot = /_ccsd_t$/.test(traj) ? 'CCSD(T)' : /_ccsd$/.test(traj) ? 'CCSD' : null;
  return { subset, level_of_theory: lot };
}

// ---------------------------------------------------------------------------------------------
// builders
// ---------------------------------------------------------------------------------------------

function blankResult() {
  return {
    key: null, method: null, method_variant: null, dataset: null, subset: null, task: null, target: null,
    metric: null, value: null, unit: null, basis: null, n_train: null, split: null, uncertainty: null,
    n_runs: null, temperature_k: null, level_of_theory: null, status: null, reported_on: null, paper: null,
    provenance: null,
  };
}
function result(fields) {
  const r = blankResult();
  for (const k of Object.keys(r)) if (k in fields) r[k] = fields[k];
  return r;
}
function lineOf(text, offset) {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
function prov(src, sources, relPath, location) {
  const s = sources[src];
  return { source: src, repository: s.repository, path: relPath, commit: s.commit, location };
}

function buildMatbench(sharedDir, sources, report) {
  const out = [];
  for (const { rel, text, data: y } of readMatbenchModels(sharedDir)) {
    const key = y.model_key;
    if (!y.metrics) { report.notes.push(`matbench ${rel}: no metrics block (lifecycle ${y.lifecycle})`); continue; }
    const doc = YAML.parseDocument(text);
    const reportedOn = String(y.dates?.benchmark_added || y.dates?.paper_published || '') || null;
    const emit = (block, pathKeys, metric, dataset, subset, taskExtra) => {
      const node = doc.getIn(['metrics', ...pathKeys, metric], true);
      const value = node && typeof node.value === 'number' ? node.value : null;
      const loc = `metrics.${[...pathKeys, metric].join('.')}`;
      if (value === null || !Number.isFinite(value)) { report.skipped.push(`${rel} ${loc}: non-numeric value`); return; }
      const u = matbenchUnit(block, metric);
      if (u === undefined) { report.skippedUnknown.add(`${block}.${metric}`); report.skippedCount++; return; }
      if (u === null) { report.skippedNoUnit[`${block}.${metric}`] = (report.skippedNoUnit[`${block}.${metric}`] || 0) + 1; return; }
      // inline comment check (discovery blocks carry "# fraction", "# eV/atom", …)
      const c = node.comment ? node.comment.trim() : null;
      if (c && c in COMMENT_UNIT && COMMENT_UNIT[c] !== u.unit) {
        report.skipped.push(`${rel} ${loc}: inline comment "${c}" contradicts unit ${u.unit}; skipped`);
        return;
      }
      if (c && !(c in COMMENT_UNIT) && !/^https?:/.test(c) && !/^eqV2/.test(c)) report.notes.push(`${rel} ${loc}: unrecognised inline comment "${c}"`);
      const metricName = taskExtra ? `${metric} (${taskExtra})` : metric;
      const keyMetric = metric.replace(/κ/g, 'kappa');
      out.push(result({
        key: ['matbench-discovery', key, ...pathKeys.map((p) => String(p)), keyMetric].join(':'),
        method: key, dataset, subset, task: block, target: u.target, metric: metricName, value,
        unit: u.unit, basis: u.basis, status: 'reported', reported_on: reportedOn,
        provenance: prov('matbench-discovery', sources, rel, `${loc} (line ${lineOf(text, node.range[0])})`),
      }));
    };
    for (const [block, content] of Object.entries(y.metrics)) {
      if (!content || typeof content !== 'object') continue;
      if (!(block in MATBENCH_METRICS)) { report.skippedUnknown.add(`block ${block}`); continue; }
      if (block === 'discovery') {
        for (const [sub, metrics] of Object.entries(content)) {
          if (MATBENCH_NON_METRICS.has(sub)) continue;
          if (!(sub in WBM_SUBSET)) { report.skippedUnknown.add(`discovery subset ${sub}`); continue; }
          for (const m of Object.keys(metrics)) emit(block, [block, sub], m, 'wbm', WBM_SUBSET[sub]);
        }
      } else if (block === 'geo_opt') {
        for (const [sp, metrics] of Object.entries(content)) {
          if (MATBENCH_NON_METRICS.has(sp)) continue;
          // fractions of the relaxed structures: each in [0, 1], together at most 1 (a few
          // structures may fail symmetry analysis, so the sum can fall short of 1)
          const fr = ['symmetry_decrease', 'symmetry_match', 'symmetry_increase'].map((k) => metrics[k] ?? 0);
          const sum = fr.reduce((a, b) => a + b, 0);
          if (fr.some((v) => v < 0 || v > 1) || sum > 1.01) report.notes.push(`${rel} geo_opt.${sp}: symmetry fractions ${fr.join('/')} are not fractions`);
          for (const m of Object.keys(metrics)) if (!MATBENCH_NON_METRICS.has(m)) emit(block, [block, sp], m, 'wbm', null, sp);
        }
      } else if (block === 'phonons') {
        for (const [setName, metrics] of Object.entries(content)) {
          if (setName !== 'kappa_103') { report.skippedUnknown.add(`phonons.${setName}`); continue; }
          for (const rate of ['κ_failure_rate', 'imaginary_mode_rate']) {
            if (metrics[rate] !== undefined && (metrics[rate] < 0 || metrics[rate] > 1)) report.notes.push(`${rel} phonons.kappa_103.${rate} = ${metrics[rate]} outside [0,1]`);
          }
          for (const m of Object.keys(metrics)) if (!MATBENCH_NON_METRICS.has(m)) emit(block, [block, setName], m, 'matbench-discovery-kappa-103', null);
        }
      } else {
        const ds = block === 'diatomics' ? 'matbench-discovery-diatomics' : 'matbench-discovery-md';
        for (const m of Object.keys(content)) if (!MATBENCH_NON_METRICS.has(m)) emit(block, [block], m, ds, null);
      }
    }
  }
  return out;
}

function buildFairchem(sharedDir, sources, report) {
  const rel = 'docs/core/model_checkpoints.md';
  const text = fs.readFileSync(path.join(sharedDir, 'fairchem', 'model_checkpoints.md'), 'utf8');
  const tables = parseMarkdownTables(text);
  const out = [];
  const reportedOn = sources.fairchem.commit_date;
  for (const spec of FAIRCHEM_TABLES) {
    const t = tables.find((x) => x.h2 === spec.h2 && spec.h1.test(x.h1 || ''));
    if (!t) { report.skipped.push(`fairchem: table "${spec.h2}" not found`); continue; }
    if (t.rows.length !== spec.rows) report.notes.push(`fairchem ${spec.id}: ${t.rows.length} rows (expected ${spec.rows})`);
    const idx = (name) => t.header.findIndex((h) => cleanText(h) === name);
    const iName = idx('Model Name');
    const iModel = idx('Model');
    const iSplit = idx(spec.splitCol);
    t.rows.forEach((row, r) => {
      const name = cleanText(row.cells[iName]);
      const modelCell = cleanText(row.cells[iModel]);
      const method = fairchemModelSlug(modelCell);
      if (!method) { report.skipped.push(`fairchem ${spec.id} row ${r + 1} model "${modelCell}": no architecture slug`); return; }
      const split = cleanText(row.cells[iSplit]) || null;
      for (const [col, c] of Object.entries(spec.cols)) {
        const ci = idx(col);
        if (ci < 0) { report.skipped.push(`fairchem ${spec.id}: column "${col}" missing`); continue; }
        const raw = row.cells[ci] ?? '';
        const value = c.percent ? parsePercent(raw) : parseNumber(raw);
        if (value === null) { report.skipped.push(`fairchem ${spec.id} row ${r + 1} "${name}" ${col}: unparseable "${raw}"`); continue; }
        out.push(result({
          key: `fairchem:${spec.id}:${name}:${c.slug}`,
          method, method_variant: name, dataset: spec.dataset, subset: spec.subset, task: spec.task,
          target: c.target, metric: c.metric, value, unit: c.unit, basis: c.basis, split,
          status: 'reported', reported_on: reportedOn,
          provenance: prov('fairchem', sources, rel,
            `table "${t.h2}" under "${t.h1}", data row ${r + 1} (line ${row.line}, Model Name "${name}"), column "${cleanText(t.header[ci])}"`),
        }));
      }
    });
  }
  return out;
}

function buildBpa(sharedDir, sources, report) {
  const dir = path.join(sharedDir, 'data-efficiency-3bpa');
  const out = [];
  const paper = { doi: '10.1088/2632-2153/acf115', arxiv_id: null, url: null };
  const reportedOn = sources['data-efficiency-3bpa'].commit_date;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort(cmp)) {
    const m = file.match(/^(mace|nequip)_(extrapolation_errors|learning)\.csv$/);
    if (!m) { report.skipped.push(`3bpa: unexpected file ${file}`); continue; }
    const method = m[1];
    const kind = m[2] === 'learning' ? 'learning' : 'extrapolation';
    const rows = parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: false, skip_empty_lines: true });
    const header = rows[0];
    const col = (name) => header.indexOf(name);
    rows.slice(1).forEach((row, r) => {
      const index = row[0];
      const dataLine = r + 2;
      const base = {
        method, dataset: '3bpa', task: 'energy-forces', metric: 'RMSE', status: 'reproduced',
        reported_on: reportedOn, paper,
      };
      const rel = `data/02_data/${file}`;
      if (kind === 'extrapolation') {
        const variant = row[col('label')];
        const n = Number(row[col('nsamples')]);
        if (row[col('dataset')] !== '3BPA') report.notes.push(`3bpa ${file} row ${index}: dataset ${row[col('dataset')]}`);
        header.forEach((h, ci) => {
          const info = bpaColumn(h);
          if (!info) return;
          const value = parseNumber(row[ci]);
          if (value === null) { report.skipped.push(`3bpa ${file} row ${index} ${h}: "${row[ci]}"`); return; }
          out.push(result({
            ...base, ...bpaUnit(info.target),
            key: `data-efficiency-3bpa:${method}:extrapolation:${variant}:n${n}:row${index}:${info.subset}:${info.target}`,
            method_variant: variant, subset: info.subset, target: info.target, value, n_train: n,
            temperature_k: info.temperature_k,
            provenance: prov('data-efficiency-3bpa', sources, rel, `CSV row index ${index} (first column; line ${dataLine}), column "${h}"`),
          }));
        });
      } else {
        const variant = row[col('model')];
        const n = Number(row[col('n')]);
        for (const [h, target] of [['e', 'energy'], ['f', 'forces']]) {
          const ci = col(h);
          const value = parseNumber(row[ci]);
          if (value === null) { report.skipped.push(`3bpa ${file} row ${index} ${h}: "${row[ci]}"`); continue; }
          // The learning files do not say which 3BPA test split the errors refer to (their values
          // match none of the 300/600/1200 K columns of the extrapolation files) → subset null.
          out.push(result({
            ...base, ...bpaUnit(target),
            key: `data-efficiency-3bpa:${method}:learning:${variant}:n${n}:row${index}:${target}`,
            method_variant: variant, subset: null, target, value, n_train: n,
            split: 'learning curve; test set not stated in the source file',
            provenance: prov('data-efficiency-3bpa', sources, rel, `CSV row index ${index} (first column; line ${dataLine}), column "${h}"`),
          }));
        }
      }
    });
  }
  return out;
}

const KGCNN_METHOD = { Schnet: 'schnet', PAiNN: 'painn' };
const KGCNN_METRICS = {
  // SOURCES.md: kgcnn's results README gives energy labels in kcal/mol and forces in kcal/mol/Å
  // for MD17 and reproduces val_force_scaled_mean_absolute_error as the reported test MAE.
  val_energy_scaled_mean_absolute_error: { target: 'energy', unit: 'kcal/mol', basis: 'per-structure', slug: 'energy-mae' },
  val_force_scaled_mean_absolute_error: { target: 'forces', unit: 'kcal/mol/Å', basis: 'none', slug: 'force-mae' },
};

function buildKgcnn(sharedDir, sources, report) {
  const root = path.join(sharedDir, 'kgcnn-md17', 'MD17Dataset');
  const out = [];
  const reportedOn = sources['kgcnn-md17'].commit_date;
  for (const d of fs.readdirSync(root).sort(cmp)) {
    for (const f of fs.readdirSync(path.join(root, d)).filter((x) => /\.ya?ml$/.test(x)).sort(cmp)) {
      const text = fs.readFileSync(path.join(root, d, f), 'utf8');
      const doc = YAML.parseDocument(text);
      const y = doc.toJS();
      const method = KGCNN_METHOD[y.model_name];
      if (!method) { report.skipped.push(`kgcnn ${d}/${f}: model ${y.model_name} not mapped`); continue; }
      const { subset, level_of_theory } = kgcnnSubset(y.trajectory_name);
      const rel = `training/results/MD17Dataset/${d}/${f}`;
      for (const [metricKey, mm] of Object.entries(KGCNN_METRICS)) {
        const list = y[metricKey];
        if (!Array.isArray(list) || !list.length) { report.skipped.push(`kgcnn ${rel}: ${metricKey} missing`); continue; }
        const nh = Number(y.number_histories);
        if (list.length !== nh) report.notes.push(`kgcnn ${rel}: ${metricKey} has ${list.length} entries, number_histories ${nh}`);
        list.forEach((value, i) => {
          if (typeof value !== 'number') return;
          const node = doc.getIn([metricKey, i], true);
          out.push(result({
            key: `kgcnn-md17:${method}:${y.trajectory_name}:${mm.slug}${list.length > 1 ? `:run${i}` : ''}`,
            method, method_variant: `kgcnn ${y.kgcnn_version}`, dataset: 'md17', subset, task: 'energy-forces',
            target: mm.target, metric: 'MAE', value, unit: mm.unit, basis: mm.basis, n_train: 1000,
            n_runs: list.length > 1 ? 1 : nh, level_of_theory, status: 'reproduced', reported_on: reportedOn,
            provenance: prov('kgcnn-md17', sources, rel, `${metricKey}[${i}] (line ${lineOf(text, node.range[0])})`),
          }));
        });
      }
    }
  }
  return out;
}

const ARENA_BOARDS = [
  { file: 'ev_leaderboard.csv', rel: 'benchmarks/ev/leaderboard.csv', board: 'ev', dataset: 'mlip-arena-ev' },
  { file: 'eos_bulk_leaderboard.csv', rel: 'benchmarks/eos_bulk/leaderboard.csv', board: 'eos_bulk', dataset: 'mlip-arena-eos-bulk' },
];
/**
 * MLIP Arena leaderboard columns. SOURCES.md: "Dimensionless (counts, Spearman coefficients,
 * ratio); no units given". energy-diff-flip-times (mean number of sign flips), tortuosity (a
 * ratio) and Spearman coefficients → `1`; missing (failed structures) → `count`. `rank` and
 * `rank-aggregation` are positions within this roster of models, not measurements → skipped.
 */
export const ARENA_COLUMNS = {
  'energy-diff-flip-times': '1', tortuosity: '1', 'spearman-compression-energy': '1',
  'spearman-compression-derivative': '1', 'spearman-tension-energy': '1', missing: 'count',
};

function buildArena(sharedDir, sources, report) {
  const registry = YAML.parse(fs.readFileSync(path.join(sharedDir, 'mlip-arena', 'registry.yaml'), 'utf8'));
  const out = [];
  const reportedOn = sources['mlip-arena'].commit_date;
  for (const b of ARENA_BOARDS) {
    const rows = parseCsv(fs.readFileSync(path.join(sharedDir, 'mlip-arena', b.file), 'utf8'), { columns: false, skip_empty_lines: true });
    const header = rows[0];
    for (const h of header) {
      if (h === 'model' || h in ARENA_COLUMNS || h.endsWith('-std')) continue;
      report.skippedArenaCols.add(h);
    }
    rows.slice(1).forEach((row, r) => {
      const name = row[header.indexOf('model')];
      const map = ARENA_MAP[name];
      if (!map) { report.skipped.push(`mlip-arena ${b.board}: model ${name} not mapped`); return; }
      const reg = registry[name] || {};
      const variant = map.relation === 'same' ? null
        : `${name}: ${reg.checkpoint || reg.model_name || ''}${reg.package ? ` (${reg.package})` : ''}`.trim();
      for (const [colName, unit] of Object.entries(ARENA_COLUMNS)) {
        const ci = header.indexOf(colName);
        if (ci < 0) continue;
        const value = parseNumber(row[ci]);
        if (value === null) { report.skipped.push(`mlip-arena ${b.board} ${name} ${colName}: "${row[ci]}"`); continue; }
        const si = header.indexOf(`${colName}-std`);
        const unc = si >= 0 ? parseNumber(row[si]) : null;
        out.push(result({
          key: `mlip-arena:${b.board}:${name}:${colName}`,
          method: map.slug, method_variant: variant, dataset: b.dataset, subset: null, task: b.board,
          target: 'eos', metric: colName, value, unit, basis: 'none', uncertainty: unc,
          status: 'reproduced', reported_on: reportedOn,
          provenance: prov('mlip-arena', sources, b.rel,
            `CSV data row ${r + 1} (line ${r + 2}, model "${name}"), column "${colName}"${si >= 0 ? `; uncertainty column "${colName}-std"` : ''}`),
        }));
      }
    });
  }
  return out;
}

/** Evaluation sets that are not in the shared datasets.json; named from the sources. */
export function benchmarkDatasets() {
  const blank = (o) => ({
    slug: o.slug, name: o.name, aliases: o.aliases || [], description: o.description, domain: o.domain ?? null,
    level_of_theory: o.level_of_theory ?? null, n_structures: o.n_structures ?? null, n_materials: null,
    size_note: o.size_note ?? null, license: o.license ?? null, url: o.url ?? null, paper: null, citations: [],
    subsets: [], sources: o.sources,
  });
  return [
    blank({
      slug: 'matbench-discovery-diatomics', name: 'Matbench Discovery diatomics', aliases: ['diatomics'],
      description: 'Diatomic-molecule energy and force curves on which Matbench Discovery scores models against PBE reference curves (pbe_* errors) and for curve smoothness (tortuosity, sign flips, jumps, total variation); metrics block `diatomics` of the model files.',
      domain: 'small-molecules', level_of_theory: 'PBE', sources: ['matbench-discovery'],
      url: 'https://github.com/janosh/matbench-discovery',
    }),
    blank({
      slug: 'matbench-discovery-kappa-103', name: 'Matbench Discovery κ-103 phonon set', aliases: ['kappa_103', 'phonons.kappa_103'],
      description: 'Set of crystals on which Matbench Discovery evaluates predicted lattice thermal conductivity κ (κ_SRME, κ_SRE, κ_SRD, κ_failure_rate) and phonon stability (imaginary_mode_rate); the model files record the evaluation protocol phonondb-v1 and cite the k_SRME repository (MPA2suite/k_SRME).',
      domain: 'materials', size_note: '103 structures, as the block name kappa_103 indicates', sources: ['matbench-discovery'],
      url: 'https://github.com/MPA2suite/k_SRME',
    }),
    blank({
      slug: 'matbench-discovery-md', name: 'Matbench Discovery MD task', aliases: ['md'],
      description: 'Molecular-dynamics task of Matbench Discovery (metrics block `md`): energy and force RMSE on reference frames, structural (radial and angular distribution), vibrational density of states and pressure errors of model trajectories; the model files report n_systems = 17.',
      domain: 'materials', size_note: '17 systems (n_systems in the model files)', sources: ['matbench-discovery'],
      url: 'https://github.com/janosh/matbench-discovery',
    }),
    blank({
      slug: 'mlip-arena-eos-bulk', name: 'MLIP Arena eos_bulk', aliases: ['eos_bulk', 'EOS bulk'],
      description: 'MLIP Arena equation-of-state benchmark on WBM structures (benchmarks/eos_bulk): energy curves under compression and tension scored by energy-difference sign flips, tortuosity, Spearman coefficients and the number of missing (failed) structures.',
      domain: 'materials', sources: ['mlip-arena'], url: 'https://github.com/atomind-ai/mlip-arena',
    }),
    blank({
      slug: 'mlip-arena-ev', name: 'MLIP Arena ev', aliases: ['ev', 'EV'],
      description: 'MLIP Arena benchmark `ev` (benchmarks/ev): energy curves under compression and tension scored by energy-difference sign flips, tortuosity, Spearman coefficients and the number of missing (failed) structures.',
      // The source does not name the structures. Its metrics score energies under compression and
      // tension of the cell (volume changes), which presupposes periodic bulk cells → materials.
      domain: 'materials', sources: ['mlip-arena'], url: 'https://github.com/atomind-ai/mlip-arena',
    }),
  ].sort((a, b) => cmp(a.slug, b.slug));
}

export function buildResults(sharedDir) {
  const sources = parseSourcesMd(fs.readFileSync(path.join(sharedDir, 'SOURCES.md'), 'utf8'));
  for (const id of ['matbench-discovery', 'fairchem', 'data-efficiency-3bpa', 'kgcnn-md17', 'mlip-arena']) {
    if (!sources[id]?.commit || !sources[id]?.repository) throw new Error(`SOURCES.md: no repository/commit for ${id}`);
  }
  const report = {
    skipped: [], notes: [], skippedUnknown: new Set(), skippedNoUnit: {}, skippedCount: 0, skippedArenaCols: new Set(),
  };
  const bySource = {
    'matbench-discovery': buildMatbench(sharedDir, sources, report),
    fairchem: buildFairchem(sharedDir, sources, report),
    'data-efficiency-3bpa': buildBpa(sharedDir, sources, report),
    'kgcnn-md17': buildKgcnn(sharedDir, sources, report),
    'mlip-arena': buildArena(sharedDir, sources, report),
  };
  const all = Object.values(bySource).flat();
  // validation
  const seen = new Map();
  for (const r of all) {
    if (seen.has(r.key)) throw new Error(`duplicate result key ${r.key}`);
    seen.set(r.key, r);
    if (!UNITS.has(r.unit)) throw new Error(`${r.key}: unit ${r.unit} not in vocabulary`);
    if (!TARGETS.has(r.target)) throw new Error(`${r.key}: target ${r.target} not allowed`);
    if (!['per-atom', 'per-structure', 'none'].includes(r.basis)) throw new Error(`${r.key}: basis ${r.basis}`);
    if (typeof r.value !== 'number' || !Number.isFinite(r.value)) throw new Error(`${r.key}: value ${r.value}`);
    if (r.reported_on && !/^\d{4}-\d{2}-\d{2}$/.test(r.reported_on)) throw new Error(`${r.key}: reported_on ${r.reported_on}`);
  }
  all.sort((a, b) => cmp(a.key, b.key));
  const datasets = benchmarkDatasets();
  return {
    results: { generated_from: uniqSorted(Object.keys(bySource).filter((k) => bySource[k].length)), results: all },
    datasets: { generated_from: uniqSorted(datasets.flatMap((d) => d.sources)), datasets },
    bySource, report,
  };
}

function main() {
  const sharedDir = path.resolve(process.argv[2] || path.join(SCRIPT_DIR, '../../../shared/data'));
  const seedDir = path.resolve(process.argv[3] || path.join(SCRIPT_DIR, '../main/resources/seed'));
  const { results, datasets, bySource, report } = buildResults(sharedDir);
  writeJson(path.join(seedDir, 'results.json'), results);
  writeJson(path.join(seedDir, 'benchmark-datasets.json'), datasets);

  console.log(`results.json: ${results.results.length} results → ${path.join(seedDir, 'results.json')}`);
  for (const [s, rs] of Object.entries(bySource)) console.log(`  ${s}: ${rs.length}`);
  console.log(`benchmark-datasets.json: ${datasets.datasets.length} datasets (${datasets.datasets.map((d) => d.slug).join(', ')})`);

  // cross-checks against the other seed files, if present
  const methodsFile = path.join(seedDir, 'methods.json');
  if (fs.existsSync(methodsFile)) {
    const slugs = new Set(JSON.parse(fs.readFileSync(methodsFile, 'utf8')).methods.map((m) => m.slug));
    const missing = uniqSorted(results.results.filter((r) => !slugs.has(r.method)).map((r) => r.method));
    console.log(`  methods referenced: ${new Set(results.results.map((r) => r.method)).size}; missing from methods.json: ${missing.length ? missing.join(', ') : 'none'}`);
  } else console.log('  (methods.json not found: run methods.mjs first to cross-check method slugs)');
  const known = new Map(Object.entries(EXTERNAL_DATASETS).map(([k, v]) => [k, new Set(v)]));
  for (const d of datasets.datasets) known.set(d.slug, new Set(d.subsets.map((s) => s.slug)));
  const bad = uniqSorted(results.results.filter((r) => !known.has(r.dataset) || (r.subset && !known.get(r.dataset).has(r.subset))).map((r) => `${r.dataset}/${r.subset}`));
  console.log(`  dataset/subset pairs not covered: ${bad.length ? bad.join(', ') : 'none'}`);

  const noUnit = Object.entries(report.skippedNoUnit).sort((a, b) => cmp(a[0], b[0]));
  if (noUnit.length) {
    console.log(`  skipped — unit not established (${noUnit.reduce((n, [, c]) => n + c, 0)} values):`);
    for (const [m, c] of noUnit) console.log(`    - matbench-discovery ${m}: ${c} values`);
  }
  if (report.skippedUnknown.size) console.log(`  skipped — unknown metric keys: ${[...report.skippedUnknown].sort(cmp).join(', ')}`);
  if (report.skippedArenaCols.size) console.log(`  skipped — MLIP Arena columns that are not measurements: ${[...report.skippedArenaCols].sort(cmp).join(', ')}`);
  if (report.skipped.length) { console.log(`  skipped (${report.skipped.length}):`); for (const s of report.skipped) console.log(`    - ${s}`); }
  if (report.notes.length) { console.log(`  notes (${report.notes.length}):`); for (const s of report.notes) console.log(`    - ${s}`); }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
