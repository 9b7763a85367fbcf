#!/usr/bin/env node
// Converter: upstream files in shared/data → seed/methods.json
//
//   node methods.mjs [sharedDataDir] [seedDir]
//
// defaults (relative to this script's directory): ../../../shared/data and ../main/resources/seed
//
// A "method" is an architecture (NequIP, MACE, SchNet, …) or a trained model (MACE-MP-0,
// CHGNet 0.3.0, eqV2 M, …). Sources used:
//   - matbench-discovery  models/<family>/<model>.yml → one method per model (slug = model_key)
//   - awesome-mlip        README.md Mermaid genealogy → architectures + lineage edges + paper links
//   - best-of-atomistic-ml projects.yaml (categories ml-iap, uip) → code_url / license
//   - fairchem            model_checkpoints.md → architectures that have OC20/OC22/ODAC checkpoints
//                         (checkpoints are treated as variants of the architecture, not as methods)
//   - mlip-arena          registry.yaml → aliases (MACE-MP(M) …) and a few models not elsewhere
//   - doctor-archive      babel.bib → publication year of a paper whose DOI we already have
//   - kgcnn-md17, data-efficiency-3bpa → only mark which architectures they evaluate
//
// Nothing here invents a number, DOI or date: every field is copied from a source or left null.
// Output is deterministic (sorted arrays, fixed key order).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));

export const FAMILIES = new Set([
  'descriptor', 'descriptor-nn', 'kernel', 'linear', 'message-passing',
  'equivariant-message-passing', 'transformer', 'universal', 'other',
]);
export const SLUG_RE = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const DOI_RE = /^10\.\d{4,9}\/\S+$/;
const ARXIV_NEW_RE = /^\d{4}\.\d{4,5}$/;
const ARXIV_OLD_RE = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/;

// ---------------------------------------------------------------------------------------------
// small pure helpers (exported for tests and for results.mjs)
// ---------------------------------------------------------------------------------------------

const GREEK = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', κ: 'kappa', λ: 'lambda', μ: 'mu',
  ν: 'nu', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
/**
 * datasets.yml name → slug: lowercase, Greek letters spelled out (ω → omega, as datasets.json
 * does for "MDR-MP PBE ω_q"), every run of non-[a-z0-9] → "-", trimmed.
 */
export function slugify(name) {
  return String(name).toLowerCase().replace(/[α-ω]/g, (c) => GREEK[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Matbench training_sets keys whose dataset record carries a different slug: datasets.yml's
 * "Alex" is the Alexandria database (datasets.json: slug `alexandria`, alias "Alex").
 */
export const TRAINING_SET_SLUG = { Alex: 'alexandria' };
export function trainingSetSlug(name) {
  return TRAINING_SET_SLUG[name] ?? slugify(name);
}

/** Byte-stable string comparison (no locale). */
export function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function uniqSorted(xs) {
  return [...new Set(xs.filter((x) => x !== null && x !== undefined && x !== ''))].sort(cmp);
}

/** Lower-case a DOI and strip https://doi.org/ or doi: prefixes; null if it does not validate. */
export function normalizeDoi(s) {
  if (!s || typeof s !== 'string') return null;
  let d = s.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  d = d.toLowerCase();
  return DOI_RE.test(d) ? d : null;
}

/** Versionless arXiv id from an arXiv URL, an arXiv DOI (10.48550/arXiv.X) or a bare id. */
export function arxivIdFrom(s) {
  if (!s || typeof s !== 'string') return null;
  let m = s.match(/arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i);
  let id = m ? m[1] : null;
  if (!id) {
    m = s.match(/10\.48550\/arxiv\.(\S+)$/i);
    if (m) id = m[1];
  }
  if (!id) id = s.trim();
  id = id.replace(/v\d+$/, '');
  if (ARXIV_NEW_RE.test(id) || ARXIV_OLD_RE.test(id)) return id;
  return null;
}

/**
 * A link (DOI URL, arXiv URL, publisher URL) → paper reference {doi, arxiv_id, url}.
 * DOIs are taken only from doi.org links or from publisher URLs with an explicit /doi/ path
 * segment (e.g. pubs.acs.org/doi/10.1021/…); other URLs are kept as url.
 */
export function paperFromLink(link) {
  if (!link || typeof link !== 'string') return null;
  const url = link.trim();
  let doi = null;
  let arxiv = null;
  if (/^https?:\/\/(dx\.)?doi\.org\//i.test(url)) {
    doi = normalizeDoi(url);
  } else {
    const m = url.match(/\/doi\/(?:full\/|abs\/|pdf\/)?(10\.\d{4,9}\/[^\s?#]+)/i);
    if (m) doi = normalizeDoi(m[1]);
  }
  if (/arxiv\.org\//i.test(url) || (doi && doi.startsWith('10.48550/arxiv.'))) arxiv = arxivIdFrom(url);
  const keepUrl = !doi && !arxiv ? url : null;
  if (!doi && !arxiv && !keepUrl) return null;
  return { doi, arxiv_id: arxiv, url: keepUrl };
}

/** Year an arXiv id was assigned (new-style YYMM.NNNNN). */
export function arxivYear(id) {
  if (!id || !ARXIV_NEW_RE.test(id)) return null;
  return 2000 + Number(id.slice(0, 2));
}
function arxivYearMonth(id) {
  if (!id || !ARXIV_NEW_RE.test(id)) return null;
  return (2000 + Number(id.slice(0, 2))) * 12 + (Number(id.slice(2, 4)) - 1);
}

/** Strip simple HTML tags, markdown links/images and LaTeX $…$ from a text cell. */
export function cleanText(s) {
  if (s === null || s === undefined) return null;
  return String(s)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → text
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // autolinks → bare URL
    .replace(/<[^>]+>/g, ' ') // html tags
    .replace(/\$\\lambda_([A-Za-z])\$/g, 'λ_$1')
    .replace(/\$([^$]*)\$/g, '$1')
    .replace(/`/g, '')
    .replace(/[\t\r\n ]+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+,/g, ',')
    .trim();
}

/** First sentence (up to the first ". " followed by a capital / end) of a cleaned text. */
export function firstSentence(s, maxLen = 320) {
  const t = cleanText(s);
  if (!t) return null;
  const m = t.match(/^(.+?[.!?])(\s+(?=[A-Z(])|$)/);
  const out = (m ? m[1] : t).trim();
  if (out.length > maxLen) return null; // too long to be a tidy sentence: do not truncate mid-claim
  if (/^(We|Our|This work|Please)\b/.test(out)) return null; // authors' first-person voice, not a description
  return /[.!?]$/.test(out) ? out : `${out}.`;
}

// ---------------------------------------------------------------------------------------------
// Mermaid genealogy parsing (awesome-mlip README.md)
// ---------------------------------------------------------------------------------------------

const NODE_TOKEN_RE = /^([A-Za-z0-9_][A-Za-z0-9_-]*)\s*(?:\[\s*(?:"([^"]*)"|([^\]]*))\s*\])?$/;

/**
 * Parse a Mermaid flowchart. Returns
 *   { nodes: Map(id → {id, label, subgraph}), edges: [[parent, child]], clicks: Map(id → url) }
 * Node declarations may appear alone (`SOAP[SOAP]`, `CACE`) or inline in an edge chain
 * (`G-CNNs["G-CNNs<br/>Equivariance"] --> TFN`); chains `A --> B --> C` give A→B and B→C.
 */
export function parseMermaid(text) {
  const m = text.match(/```mermaid\s*\n([\s\S]*?)```/);
  const body = m ? m[1] : text;
  const nodes = new Map();
  const edges = [];
  const clicks = new Map();
  let subgraph = null;
  const declare = (tok, inEdge) => {
    const mm = tok.trim().match(NODE_TOKEN_RE);
    if (!mm) return null;
    const id = mm[1];
    const label = mm[2] ?? mm[3] ?? null;
    const prev = nodes.get(id);
    if (!prev) nodes.set(id, { id, label: label ? label.trim() : null, subgraph: inEdge ? null : subgraph, declared: !inEdge || !!label });
    else {
      if (label && !prev.label) prev.label = label.trim();
      if (!inEdge && !prev.subgraph) prev.subgraph = subgraph;
      if (!inEdge || label) prev.declared = true;
    }
    return id;
  };
  for (const raw of body.split('\n')) {
    const line = raw.replace(/%%.*$/, '').trim();
    if (!line) continue;
    let mm;
    if ((mm = line.match(/^subgraph\s+"?([^"]*)"?\s*$/))) { subgraph = mm[1].trim(); continue; }
    if (line === 'end') { subgraph = null; continue; }
    if (/^(flowchart|graph|classDef|class|style|linkStyle)\b/.test(line)) continue;
    if ((mm = line.match(/^click\s+(\S+)\s+"([^"]+)"/))) { clicks.set(mm[1], mm[2]); continue; }
    if (line.includes('-->')) {
      const parts = line.split(/\s*-->\s*/).map((p) => p.trim()).filter(Boolean);
      const ids = parts.map((p) => declare(p, true));
      for (let i = 0; i + 1 < ids.length; i++) if (ids[i] && ids[i + 1]) edges.push([ids[i], ids[i + 1]]);
      continue;
    }
    declare(line, false);
  }
  return { nodes, edges, clicks };
}

/** `Behler-Parrinello NN<br/>(Atomized Energy)` → { name: 'Behler-Parrinello NN', detail: 'Atomized Energy' } */
export function splitMermaidLabel(label) {
  if (!label) return { name: null, detail: null };
  const [head, ...rest] = label.split(/<br\s*\/?>/i);
  const detail = rest.join(' ').replace(/^\(|\)$/g, '').trim() || null;
  return { name: head.trim(), detail };
}

/** Single year of a subgraph title ("2007" → 2007), or a range for sanity checks. */
export function subgraphYears(title) {
  if (!title) return null;
  let m = title.match(/^(\d{4})$/);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  m = title.match(/^(\d{4})\s*-\s*(\d{4})?$/);
  if (m) return { from: Number(m[1]), to: m[2] ? Number(m[2]) : null };
  return null;
}

// ---------------------------------------------------------------------------------------------
// SOURCES.md (repository + commit per source id)
// ---------------------------------------------------------------------------------------------

export function parseSourcesMd(text) {
  const out = {};
  const sections = text.split(/^## /m).slice(1);
  for (const sec of sections) {
    const head = sec.match(/^\d+\.\s+([a-z0-9-]+)\//);
    if (!head) continue;
    const repo = sec.match(/Repository:\s*`([^`]+)`/);
    const commit = sec.match(/Commit:\s*`([0-9a-f]{40})`\s*\((\d{4}-\d{2}-\d{2})\)/);
    out[head[1]] = { repository: repo ? repo[1] : null, commit: commit ? commit[1] : null, commit_date: commit ? commit[2] : null };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// curated knowledge tables: which source names map to which slug
// ---------------------------------------------------------------------------------------------

/** awesome-mlip Mermaid node id → method slug. Concept nodes (no method) map to null. */
export const AWESOME_NODE_SLUG = {
  BP: 'behler-parrinello', SOAP: 'soap', SchNet: 'schnet', TFN: 'tfn', ACE: 'ace', GDML: 'gdml',
  GAP: 'gap', SNAP: 'snap', MTP: 'mtp', HDNNP: 'hdnnp', ANI: 'ani', DeepMD: 'deepmd', sGDML: 'sgdml',
  M3GNet: 'm3gnet', CHGNet: 'chgnet', SCN: 'scn', eSCN: 'escn', Equiformer: 'equiformer',
  NequIP: 'nequip', MACE: 'mace', 'MACE-MP': 'mace-mp-0', 'MACE-OFF': 'mace-off', ANI2x: 'ani-2x',
  AIMNet2: 'aimnet2', GNoME: 'gnome', DPA1: 'dpa-1', So3krates: 'so3krates', GRACE: 'grace',
  eqV2: 'equiformer-v2', MatterSim: 'mattersim', SevenNet: 'sevennet', ORBs: 'orb', DPA3: 'dpa-3',
  CACE: 'cace', eSEN: 'esen', ESCalP: 'escaip', EFA: 'efa', MEGNet: 'megnet', GNS: 'gns',
  // concepts, not methods: edges from them are dropped (reported)
  Kernel: null, 'G-CNNs': null, Attention: null,
};

/** fairchem "Model" cell (cleaned) → architecture slug. Order matters (DimeNet++ before DimeNet). */
export const FAIRCHEM_MODEL_PATTERNS = [
  [/^CGCNN\b/, 'cgcnn'],
  [/^DimeNet\+\+/, 'dimenet-pp'],
  [/^DimeNet\b/, 'dimenet'],
  [/^SchNet\b/, 'schnet'],
  [/^SpinConv\b/, 'spinconv'],
  [/^GemNet-dT\b/, 'gemnet-dt'],
  [/^GemNet-OC\b/i, 'gemnet-oc'],
  [/^PaiNN\b/, 'painn'],
  [/^SCN\b/, 'scn'],
  [/^eSCN\b/, 'escn'],
  [/^EquiformerV2\b/, 'equiformer-v2'],
];
export function fairchemModelSlug(modelCell) {
  const c = cleanText(modelCell);
  for (const [re, slug] of FAIRCHEM_MODEL_PATTERNS) if (re.test(c)) return slug;
  return null;
}

/**
 * MLIP Arena registry name → method slug.
 *   relation 'same'    : the very checkpoint that the target method record describes
 *                        (evidence given); results need no method_variant.
 *   relation 'variant' : a different checkpoint / implementation of the target architecture or
 *                        model; results carry method_variant = arena name + checkpoint.
 *   relation 'new'     : a model no other source describes; a record is created from the registry.
 */
export const ARENA_MAP = {
  'MACE-MP(M)': { slug: 'mace-mp-0', relation: 'same', evidence: 'checkpoint 2023-12-03-mace-128-L1_epoch-199.model = Matbench mace-mp-0 checkpoint_url' },
  CHGNet: { slug: 'chgnet-0.3.0', relation: 'same', evidence: 'checkpoint v0.3.0 = Matbench model_version v0.3.0' },
  M3GNet: { slug: 'm3gnet', relation: 'variant', evidence: 'matgl port (M3GNet-MP-2021.2.8-PES) vs Matbench TF m3gnet MP-2021.2.8-EFS' },
  MatterSim: { slug: 'mattersim-v1-5m', relation: 'same', evidence: 'checkpoint MatterSim-v1.0.0-5M.pth = Matbench checkpoint_url' },
  ORBv2: { slug: 'orb-v2', relation: 'same', evidence: 'checkpoint orb-v2-20241011.ckpt = Matbench orb-v2 checkpoint_url' },
  SevenNet: { slug: 'sevennet-0', relation: 'same', evidence: 'checkpoint 7net-0 dated 2024-07-11 = Matbench SevenNet_0__11Jul2024' },
  'eqV2(OMat)': { slug: 'eqv2-m-omat-salex-mp', relation: 'same', evidence: 'checkpoint eqV2_86M_omat_mp_salex.pt = Matbench checkpoint_url' },
  'MACE-MPA': { slug: 'mace-mpa-0', relation: 'same', evidence: 'checkpoint mace-mpa-0-medium.model = Matbench checkpoint_url' },
  eSEN: { slug: 'esen-30m-oam', relation: 'same', evidence: 'checkpoint esen_30m_oam.pt = Matbench esen-30m-oam checkpoint_url' },
  'EquiformerV2(OC22)': { slug: 'equiformer-v2', relation: 'variant', evidence: 'fairchem checkpoint EquiformerV2-lE4-lF100-S2EFS-OC22' },
  'EquiformerV2(OC20)': { slug: 'equiformer-v2', relation: 'variant', evidence: 'fairchem checkpoint EquiformerV2-31M-S2EF-OC20-All+MD' },
  'eSCN(OC20)': { slug: 'escn', relation: 'variant', evidence: 'fairchem checkpoint eSCN-L6-M3-Lay20-S2EF-OC20-All+MD' },
  'MACE-OFF(M)': { slug: 'mace-off', relation: 'variant', evidence: 'medium checkpoint MACE-OFF23_medium.model of MACE-OFF' },
  ANI2x: { slug: 'ani-2x', relation: 'same', evidence: 'TorchANI ANI-2x ensemble ani-2x_8x' },
  ALIGNN: { slug: 'alignn', relation: 'variant', evidence: 'alignn==2024.5.27 predicting EFS; Matbench alignn is an energy-only 2023.01.10 model' },
  DeepMD: { slug: 'deepmd', relation: 'variant', evidence: 'DeePMD-kit checkpoint dp0808c_v024mixu.pth' },
  ORB: { slug: 'orb', relation: 'variant', evidence: 'checkpoint orbff-v1-20240827.ckpt (no Matbench record for ORB v1)' },
  'PET-OAM': { slug: 'pet-oam-xl-1.0.0', relation: 'same', evidence: 'checkpoint pet-oam-xl-v1.0.0.ckpt = Matbench checkpoint_url' },
  'PET-MAD': { slug: 'pet-mad', relation: 'new' },
  'NequIP-OAM-L': { slug: 'nequip-oam-l-0.1', relation: 'same', evidence: 'checkpoint NequIP-OAM-L:0.1 = Matbench checkpoint_url' },
  'UMA-S-1P1': { slug: 'uma-s-1p1', relation: 'new' },
};

/** MLIP Arena `datasets` values → training dataset slugs (datasets.yml naming where it exists). */
const ARENA_DATASET_SLUG = {
  MPTrj: 'mptrj', Alexandria: 'alexandria', OMat: 'omat24', OC20: 'oc20', OC22: 'oc22', SPICE: 'spice',
  MPF: 'mpf', MP22: 'mp-2022', MAD: 'mad', OMol: 'omol', Proprietary: null,
};

/**
 * Architecture / model-family records that are not (only) Matbench models. Descriptions are
 * written from what the sources say (awesome-mlip labels and edges, fairchem tables, Matbench
 * notes, best-of entries, MLIP Arena registry). `bestOf` = best-of-atomistic-ml project name,
 * `awesome` = Mermaid node id, `parents` = extra derived_from edges (model → architecture) with
 * the source that supports them, `extraSources` = sources that evaluate the method.
 */
export const ARCHITECTURES = [
  { slug: 'behler-parrinello', name: 'Behler-Parrinello NN', family: 'descriptor-nn', awesome: 'BP',
    description: 'Atom-centred neural-network potential in which the total energy is a sum of atomic energies ("atomized energy" in awesome-mlip). It is the 2007 root of the awesome-mlip genealogy, parent of ANI, HDNNPs, GAP, SchNet and M3GNet there.' },
  { slug: 'hdnnp', name: 'HDNNPs', family: 'descriptor-nn', awesome: 'HDNNP', aliases: ['High-dimensional neural network potentials'],
    description: 'High-dimensional neural network potentials, the family of models that awesome-mlip draws as descending from the Behler-Parrinello network.' },
  { slug: 'ani', name: 'ANI', family: 'descriptor-nn', awesome: 'ANI', bestOf: 'ANI-1',
    description: 'ANI neural-network potential; awesome-mlip places it after Behler-Parrinello and before ANI-2x and AIMNet2.' },
  { slug: 'ani-2x', name: 'ANI-2x', family: 'descriptor-nn', awesome: 'ANI2x', bestOf: 'TorchANI', parents: [['ani', 'awesome-mlip']],
    description: 'Successor of ANI that awesome-mlip classes among the organic-molecule potentials. MLIP Arena evaluates it through TorchANI (checkpoint ani-2x_8x) on homonuclear diatomics.' },
  { slug: 'aimnet2', name: 'AIMNet2', family: 'message-passing', awesome: 'AIMNet2',
    description: 'Organic-molecule potential that awesome-mlip draws as a descendant of ANI-2x.' },
  { slug: 'deepmd', name: 'DeepMD', family: 'descriptor-nn', awesome: 'DeepMD', bestOf: 'DeePMD-kit', aliases: ['Deep Potential', 'DeePMD-kit'],
    description: 'Deep Potential molecular dynamics, implemented in DeePMD-kit (LGPL-3.0), which also hosts the DPA models. awesome-mlip draws it as the parent of DPA-1; MLIP Arena evaluates a DeePMD-kit checkpoint (dp0808c_v024mixu) trained on MPTrj.' },
  { slug: 'dpa-1', name: 'DPA-1', family: 'transformer', awesome: 'DPA1', parents: [['deepmd', 'awesome-mlip']],
    description: 'Attention-based descendant of DeepMD in the awesome-mlip genealogy and parent of DPA-3 there.' },
  { slug: 'dpa-2', name: 'DPA-2', family: 'universal', bestOf: 'DPA-2', parents: [['deepmd', 'best-of-atomistic-ml']],
    description: 'Pretrained model of the DeePMD-kit family, listed by best-of-atomistic-ml among universal interatomic potentials.' },
  { slug: 'dpa-3', name: 'DPA-3', family: 'message-passing', awesome: 'DPA3', bestOf: 'DeePMD-DPA3', aliases: ['DPA3'],
    parents: [['deepmd', 'matbench-discovery']],
    description: 'Message-passing large atomic model implemented in DeePMD-kit, designed to train on datasets from several disciplines at once (Matbench Discovery notes). awesome-mlip draws it as the successor of DPA-1.' },
  { slug: 'gap', name: 'GAP', family: 'kernel', awesome: 'GAP', bestOf: 'GAP', aliases: ['Gaussian Approximation Potential'],
    description: 'Gaussian Approximation Potential, a kernel-regression interatomic potential distributed as libAtoms/GAP. In awesome-mlip it descends from Behler-Parrinello and is the parent of SNAP, MTP and SOAP.' },
  { slug: 'soap', name: 'SOAP', family: 'descriptor', awesome: 'SOAP', aliases: ['Smooth Overlap of Atomic Positions'],
    description: 'Smooth Overlap of Atomic Positions descriptor of atomic environments; awesome-mlip draws it between GAP and ACE.' },
  { slug: 'ace', name: 'ACE', family: 'linear', awesome: 'ACE', bestOf: 'ACE1.jl', aliases: ['Atomic Cluster Expansion'],
    description: 'Atomic Cluster Expansion, a many-body expansion of the atomic energy (awesome-mlip label). It descends from SOAP and is a parent of MACE in the awesome-mlip genealogy.' },
  { slug: 'snap', name: 'SNAP', family: 'linear', awesome: 'SNAP', bestOf: 'SNAP',
    description: 'Spectral Neighbor Analysis Potential; awesome-mlip draws it as a descendant of GAP.' },
  { slug: 'mtp', name: 'MTP', family: 'linear', awesome: 'MTP', bestOf: 'MLIP-3', aliases: ['Moment Tensor Potential'],
    description: 'Moment Tensor Potentials, implemented in the MLIP package (MLIP-3 in best-of-atomistic-ml). awesome-mlip draws MTP as a descendant of GAP.' },
  { slug: 'gdml', name: 'GDML', family: 'kernel', awesome: 'GDML', aliases: ['Gradient-domain machine learning'],
    description: 'Gradient-domain machine learning, a kernel force-field model; parent of sGDML in the awesome-mlip genealogy.' },
  { slug: 'sgdml', name: 'sGDML', family: 'kernel', awesome: 'sGDML', bestOf: 'sGDML',
    description: 'Successor of GDML in the awesome-mlip genealogy, distributed as the sGDML package.' },
  { slug: 'schnet', name: 'SchNet', family: 'message-passing', awesome: 'SchNet', bestOf: 'SchNet', extraSources: ['fairchem', 'kgcnn-md17'],
    description: 'Continuous-filter convolutional network with radial-basis filters ("Filter, RBF" in awesome-mlip). fairchem releases OC20 and ODAC23 checkpoints of it and kgcnn trains it on MD17.' },
  { slug: 'dimenet', name: 'DimeNet', family: 'message-passing', bestOf: 'DimeNet', extraSources: ['fairchem'],
    description: 'Directional message-passing network; fairchem releases OC20 S2EF and IS2RE checkpoints of it.' },
  { slug: 'dimenet-pp', name: 'DimeNet++', family: 'message-passing', parents: [['dimenet', 'fairchem']], extraSources: ['fairchem'], aliases: ['DimeNet++-Large'],
    description: 'Successor of DimeNet; fairchem releases OC20 S2EF (EFwT and force-only, including a Large variant), OC20 IS2RE and ODAC23 checkpoints.' },
  { slug: 'painn', name: 'PaiNN', family: 'equivariant-message-passing', extraSources: ['fairchem', 'kgcnn-md17'],
    description: 'Equivariant message-passing network; fairchem releases OC20 and ODAC23 checkpoints and kgcnn trains it on MD17.' },
  { slug: 'tfn', name: 'TFN', family: 'equivariant-message-passing', awesome: 'TFN', aliases: ['Tensor Field Networks'],
    description: 'Tensor Field Networks, the e3nn-style equivariant architecture that awesome-mlip draws as the ancestor of NequIP, MACE, SCN and So3krates.' },
  { slug: 'nequip', name: 'NequIP', family: 'equivariant-message-passing', awesome: 'NequIP', bestOf: 'NequIP', extraSources: ['data-efficiency-3bpa'],
    description: 'E(3)-equivariant message-passing interatomic potential (mir-group/nequip), a descendant of TFN and parent of GNoME, SevenNet and eSEN in awesome-mlip. Vita and Schwalbe-Koda study its learning curves and extrapolation on 3BPA.' },
  { slug: 'allegro', name: 'Allegro', family: 'equivariant-message-passing', bestOf: 'Allegro',
    description: 'Equivariant interatomic potential from the NequIP developers (mir-group/allegro); Matbench Discovery evaluates the Allegro-MP-L and Allegro-OAM-L foundation models built with the NequIP framework.' },
  { slug: 'mace', name: 'MACE', family: 'equivariant-message-passing', awesome: 'MACE', bestOf: 'MACE', extraSources: ['data-efficiency-3bpa'],
    description: 'Higher-order equivariant message-passing neural network for fast and accurate force fields (Matbench Discovery notes), descending from ACE and TFN in awesome-mlip. Vita and Schwalbe-Koda study its learning curves and extrapolation on 3BPA.' },
  { slug: 'mace-off', name: 'MACE-OFF', family: 'equivariant-message-passing', awesome: 'MACE-OFF', parents: [['mace', 'awesome-mlip']],
    description: 'MACE models for organic molecules (organic class in awesome-mlip). MLIP Arena evaluates the medium checkpoint MACE-OFF23_medium, trained on SPICE.' },
  { slug: 'chgnet', name: 'CHGNet', family: 'universal', awesome: 'CHGNet', bestOf: 'CHGNet', aliases: ['Crystal Hamiltonian Graph Neural Network'],
    description: 'Crystal Hamiltonian Graph Neural Network, a GNN interatomic potential trained on energies, forces, stresses and magnetic moments (Matbench Discovery notes). awesome-mlip draws it as a descendant of M3GNet.' },
  { slug: 'gemnet-dt', name: 'GemNet-dT', family: 'message-passing', bestOf: 'GemNet', extraSources: ['fairchem'],
    description: 'GemNet directional graph neural network variant; fairchem releases OC20 S2EF and OC22 S2EF-Total checkpoints of it.' },
  { slug: 'gemnet-oc', name: 'GemNet-OC', family: 'message-passing', bestOf: 'fairchem', extraSources: ['fairchem'], aliases: ['GemNet-OC-Large', 'Gemnet-OC'],
    parents: [['gemnet-dt', 'fairchem']],
    description: 'GemNet variant whose checkpoints fairchem releases for OC20 (base and Large, up to All+MD training), OC22 (also OC20+OC22 and fine-tuned) and ODAC23.' },
  { slug: 'spinconv', name: 'SpinConv', family: 'message-passing', bestOf: 'fairchem', extraSources: ['fairchem'],
    description: 'Spin-convolution network; fairchem releases force-centric OC20 S2EF checkpoints (2M and All splits).' },
  { slug: 'scn', name: 'SCN', family: 'equivariant-message-passing', awesome: 'SCN', bestOf: 'fairchem', extraSources: ['fairchem'], aliases: ['SCN-t4-b2'],
    description: 'Spherical channel network, a descendant of TFN and parent of eSCN and Equiformer in awesome-mlip; fairchem releases OC20 S2EF checkpoints.' },
  { slug: 'escn', name: 'eSCN', family: 'equivariant-message-passing', awesome: 'eSCN', bestOf: 'fairchem', extraSources: ['fairchem'],
    description: 'Successor of SCN in awesome-mlip; fairchem releases OC20 S2EF (L4/L6, up to All+MD) and ODAC23 checkpoints, and MLIP Arena evaluates eSCN-L6-M3-Lay20-S2EF-OC20-All+MD.' },
  { slug: 'equiformer', name: 'Equiformer', family: 'transformer', awesome: 'Equiformer',
    description: 'Equivariant graph-attention Transformer; awesome-mlip derives it from SCN and attention and draws EquiformerV2 (eqV2) as its successor.' },
  { slug: 'equiformer-v2', name: 'EquiformerV2', family: 'transformer', awesome: 'eqV2', bestOf: 'EquiformerV2', extraSources: ['fairchem'], aliases: ['eqV2'],
    description: 'Equivariant transformer using graph attention, attention re-normalization, separable S^2 activations and layer normalization (Matbench Discovery notes). fairchem releases OC20, OC22, ODAC23, OMat24 and MPtrj checkpoints with 31M to 153M parameters.' },
  { slug: 'esen', name: 'eSEN', family: 'equivariant-message-passing', awesome: 'eSEN', bestOf: 'FAIRChem eSEN models',
    aliases: ['equivariant Smooth Energy Network'], paperLink: 'https://arxiv.org/abs/2502.12147', paperSource: 'matbench-discovery',
    description: 'equivariant Smooth Energy Network, described in arXiv 2502.12147 (Matbench Discovery notes); awesome-mlip derives it from NequIP and lists it with OMat and OMol models.' },
  { slug: 'sevennet', name: 'SevenNet', family: 'universal', awesome: 'SevenNet', bestOf: 'SevenNet',
    description: 'Graph neural network interatomic potential package supporting parallel molecular dynamics; its models are based on the NequIP architecture (Matbench Discovery notes, awesome-mlip edge NequIP → SevenNet).' },
  { slug: 'orb', name: 'ORB', family: 'universal', awesome: 'ORBs', bestOf: 'Orb Models', aliases: ['ORBs', 'Orb Models'],
    description: 'Pretrained models for atomic simulations that use a pretrained diffusion-model backbone fine-tuned on materials data (Matbench Discovery notes); awesome-mlip derives them from GNS. MLIP Arena also registers the older checkpoint orbff-v1-20240827.' },
  { slug: 'mattersim', name: 'MatterSim', family: 'universal', awesome: 'MatterSim', bestOf: 'MatterSim',
    description: 'Universal potential from microsoft/mattersim; the open-source MatterSim v1 is based on the M3GNet architecture (Matbench Discovery notes; awesome-mlip edge M3GNet → MatterSim).' },
  { slug: 'grace', name: 'GRACE', family: 'universal', awesome: 'GRACE', bestOf: 'GRACE',
    description: 'Graph atomic cluster expansion potentials from ICAMS (grace-tensorpotential); awesome-mlip draws GRACE as a descendant of MACE-MP.' },
  { slug: 'so3krates', name: 'So3krates', family: 'equivariant-message-passing', awesome: 'So3krates', bestOf: 'So3krates (MLFF)',
    description: 'Equivariant attention model (thorben-frank/mlff) that awesome-mlip draws as a descendant of TFN.' },
  { slug: 'cace', name: 'CACE', family: 'equivariant-message-passing', awesome: 'CACE',
    description: 'Model that awesome-mlip draws as a descendant of MACE.' },
  { slug: 'efa', name: 'EFA', family: 'transformer', awesome: 'EFA',
    description: 'Attention-based model that awesome-mlip derives from SchNet and attention.' },
  { slug: 'escaip', name: 'EScAIP', family: 'transformer', awesome: 'ESCalP', bestOf: 'EScAIP', aliases: ['ESCalP'],
    description: 'Attention-based universal interatomic potential (ASK-Berkeley/EScAIP, labelled transformer in best-of-atomistic-ml); awesome-mlip spells it ESCalP and derives it from attention.' },
  { slug: 'gns', name: 'GNS', family: 'message-passing', awesome: 'GNS',
    description: 'Graph-network simulator (arXiv 2002.09405) that awesome-mlip draws as the ancestor of the ORB models.' },
  { slug: 'pet', name: 'PET', family: 'transformer', bestOf: 'Point Edge Transformer (PET)', aliases: ['Point Edge Transformer'],
    description: 'Point Edge Transformer, a transformer interatomic-potential architecture (spozdn/pet); the PET-OAM and PET-MAD models of lab-cosmo/upet are PET models.' },
];

/** Matbench model family directory (or key) → parent slugs, with the source that supports it. */
export const MATBENCH_PARENTS = {
  'mace-mp-0': [['mace', 'matbench-discovery']],
  'mace-mpa-0': [['mace', 'matbench-discovery']],
  'nequip-mp-l-0.1': [['nequip', 'matbench-discovery']],
  'nequip-oam-l-0.1': [['nequip', 'matbench-discovery']],
  'nequip-oam-xl-0.1': [['nequip', 'matbench-discovery']],
  'allegro-mp-l-0.1': [['allegro', 'matbench-discovery']],
  'allegro-oam-l-0.1': [['allegro', 'matbench-discovery']],
  'eqv2-m-omat-salex-mp': [['equiformer-v2', 'matbench-discovery']],
  'eqv2-s-dens-mp': [['equiformer-v2', 'matbench-discovery']],
  // "EquiformerV3 is the third generation of SE(3)-equivariant graph attention Transformers"
  'equiformer-v3-mp': [['equiformer-v2', 'matbench-discovery']],
  'equiformer-v3-oam': [['equiformer-v2', 'matbench-discovery']],
  'esen-30m-mp': [['esen', 'matbench-discovery']],
  'esen-30m-oam': [['esen', 'matbench-discovery']],
  'sevennet-0': [['sevennet', 'matbench-discovery']],
  'sevennet-l3i5': [['sevennet', 'matbench-discovery']],
  'sevennet-mf-ompa': [['sevennet', 'matbench-discovery']],
  'sevennet-omni-i12': [['sevennet', 'matbench-discovery']],
  // "EquFlash is an E(3)-equivariant model based on the SevenNet-0 architecture"
  'equflash-29m-oam': [['sevennet-0', 'matbench-discovery']],
  'orb-v2': [['orb', 'matbench-discovery']],
  'orb-v2-mptrj': [['orb', 'matbench-discovery']],
  'orb-v3': [['orb', 'matbench-discovery']],
  'grace-1l-oam': [['grace', 'matbench-discovery']],
  'grace-2l-mptrj': [['grace', 'matbench-discovery']],
  'grace-2l-oam': [['grace', 'matbench-discovery']],
  'grace-2l-oam-l': [['grace', 'matbench-discovery']],
  // "This is an open source version of MatterSim V1 based on M3GNet architecture."
  'mattersim-v1-5m': [['mattersim', 'matbench-discovery'], ['m3gnet', 'matbench-discovery']],
  'dpa3-v1-mptrj': [['dpa-3', 'matbench-discovery']],
  'dpa3-v1-openlam': [['dpa-3', 'matbench-discovery']],
  'dpa3-v2-mptrj': [['dpa-3', 'matbench-discovery']],
  'dpa3-v2-openlam': [['dpa-3', 'matbench-discovery']],
  'dpa-3.1-mptrj': [['dpa-3', 'matbench-discovery']],
  'dpa-3.1-3m-ft': [['dpa-3', 'matbench-discovery']],
  'chgnet-0.3.0': [['chgnet', 'matbench-discovery']],
  'pet-oam-xl-1.0.0': [['pet', 'matbench-discovery']],
  'cgcnn-p': [['cgcnn', 'matbench-discovery']],
  'alignn-ff': [['alignn', 'matbench-discovery']],
  // "GNoME is an equivariant Nequip-type graph neural network implemented in e3nn-jax."
  gnome: [['nequip', 'matbench-discovery']],
  // "Nequix is a simplified version of NequIP …"
  'nequix-mp-1': [['nequip', 'matbench-discovery']],
  // "Nequix MP PFT is a fine-tuned version of Nequix MP 1 …"
  'nequix-mp-1-pft': [['nequix-mp-1', 'matbench-discovery']],
  // bowsr notes.training: "Uses same version of MEGNet as standalone MEGNet."
  bowsr: [['megnet', 'matbench-discovery']],
  // arena-only models
  'pet-mad': [['pet', 'mlip-arena']],
};

/**
 * Records that are at the same time an architecture named by several sources and a Matbench
 * model (slug = model_key): the description covers both uses. Written from the Matbench notes,
 * the fairchem tables and the MLIP Arena registry.
 */
const DESCRIPTION_OVERRIDES = {
  cgcnn: 'Crystal graph convolutional neural network; the Matbench Discovery entry (model version v0.1.0, Aviary implementation, trained on MP 2022) is an energy-only model. fairchem releases OC20 S2EF and IS2RE checkpoints of the same architecture.',
  alignn: 'ALIGNN graph neural network; the Matbench Discovery entry (model version 2023.01.10, trained on MP 2022) is an energy-only model. MLIP Arena evaluates a different release (alignn==2024.5.27) that predicts energies, forces and stresses.',
  // notes.description of these two is written in the authors' voice ("We tested …", "This work proposes …")
  'cgcnn-p': 'CGCNN whose training data of relaxed MP 2022 structures is augmented with randomly perturbed structures mapped to the same DFT final energy (Matbench Discovery notes); an energy-only model, model version v0.1.0.',
  alchembert: 'BERT language model tested on the IS2RE task of Matbench Discovery (model version v2024.12.25, trained on MP 2022); an energy-only model.',
  m3gnet: 'GNN-based universal interatomic potential trained on up to 3-body interactions in the initial, middle and final frames of MP DFT relaxations (Matbench Discovery entry v2022.9.20, trained on MPF). MLIP Arena evaluates the matgl port M3GNet-MP-2021.2.8-PES.',
};

/** Extra aliases that sources give for Matbench records (awesome-mlip labels are added automatically). */
const EXTRA_ALIASES = {
  'chgnet-0.3.0': ['CHGNet v0.3.0'],
  'eqv2-m-omat-salex-mp': ['EquiformerV2-86M-OMat-Alex-MP'], // fairchem "Finetuned OMat models" row, checkpoint eqV2_86M_omat_mp_salex.pt
  'eqv2-s-dens-mp': ['EquiformerV2-31M-DeNS-MP'], // fairchem "MPTrj only models" row, checkpoint eqV2_dens_31M_mp.pt
};

// ---------------------------------------------------------------------------------------------
// source readers
// ---------------------------------------------------------------------------------------------

export function readMatbenchModels(sharedDir) {
  const root = path.join(sharedDir, 'matbench-discovery', 'models');
  const out = [];
  for (const fam of fs.readdirSync(root).sort(cmp)) {
    const dir = path.join(root, fam);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort(cmp)) {
      if (!/\.ya?ml$/.test(f)) continue;
      const rel = `models/${fam}/${f}`;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      out.push({ rel, family_dir: fam, text, data: YAML.parse(text) });
    }
  }
  return out;
}

export function readBestOf(sharedDir) {
  const y = YAML.parse(fs.readFileSync(path.join(sharedDir, 'best-of-atomistic-ml', 'projects.yaml'), 'utf8'));
  const byName = new Map();
  for (const p of y.projects || []) {
    if (!['ml-iap', 'uip'].includes(p.category)) continue;
    if (!byName.has(p.name)) byName.set(p.name, p);
  }
  return byName;
}

export function readArenaRegistry(sharedDir) {
  return YAML.parse(fs.readFileSync(path.join(sharedDir, 'mlip-arena', 'registry.yaml'), 'utf8'));
}

/** DOI → {year, date} from doctor-archive/babel.bib (regex scan; only doi/year/date are needed). */
export function readBabelYears(sharedDir) {
  const p = path.join(sharedDir, 'doctor-archive', 'babel.bib');
  const map = new Map();
  if (!fs.existsSync(p)) return map;
  const text = fs.readFileSync(p, 'utf8');
  for (const entry of text.split(/^@/m).slice(1)) {
    const doi = entry.match(/^\s*doi\s*=\s*[{"]([^}"]+)[}"]/im);
    const year = entry.match(/^\s*year\s*=\s*[{"]?(\d{4})/im);
    if (!doi || !year) continue;
    const d = normalizeDoi(doi[1]);
    if (!d) continue;
    const y = Number(year[1]);
    const prev = map.get(d);
    if (!prev || y < prev) map.set(d, y);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// year choice
// ---------------------------------------------------------------------------------------------

/**
 * Year of a Matbench model. `dates.paper_published` is preferred, but some files carry the date
 * of an older architecture paper rather than of the model itself (mace-mp-0: paper_published
 * 2022-05-13, benchmark_added 2023-07-14, own paper arXiv 2401.00096). paper_published is
 * accepted when it is consistent with the model's own arXiv id (not more than 6 months before
 * it) or with the date the model was added to the benchmark (not more than 6 months before
 * it). Otherwise — and when paper_published is missing — the year is the earliest of the
 * dates that certainly concern this model: benchmark_added, the MLIP Arena release date of the
 * same checkpoint, and the month of its arXiv id.
 */
export function chooseMatbenchYear({ paperPublished, benchmarkAdded, arxivId, arenaDate }) {
  const ok = (d) => (d && /^\d{4}-\d{2}/.test(d) ? d : null);
  const pp = ok(paperPublished);
  const ba = ok(benchmarkAdded);
  const ad = ok(arenaDate);
  const ym = (d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const axm = arxivYearMonth(arxivId);
  if (pp && (axm === null || ym(pp) >= axm - 6 || (ba && ym(pp) >= ym(ba) - 6))) {
    return { year: Number(pp.slice(0, 4)), basis: 'paper_published' };
  }
  const cands = [];
  if (ba) cands.push([ym(ba), 'benchmark_added']);
  if (ad) cands.push([ym(ad), 'mlip-arena date']);
  if (axm !== null) cands.push([axm, 'arXiv id']);
  if (!cands.length) return { year: pp ? Number(pp.slice(0, 4)) : null, basis: pp ? 'paper_published' : null };
  cands.sort((a, b) => a[0] - b[0]);
  return { year: Math.floor(cands[0][0] / 12), basis: cands[0][1] };
}

function dateString(v) {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v);
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

function githubUrl(p) {
  if (p.github_id) return `https://github.com/${p.github_id}`;
  if (p.gitlab_id) return `https://gitlab.com/${p.gitlab_id}`;
  return null;
}
/** best-of licence field: an SPDX-like id is kept, a URL to a licence file is not a licence name. */
export function licenceName(s) {
  if (!s || typeof s !== 'string') return null;
  if (/^https?:\/\//.test(s.trim())) return null;
  return s.trim();
}
function normRepo(u) {
  return u ? u.toLowerCase().replace(/\.git$/, '').replace(/\/+$/, '') : null;
}

// ---------------------------------------------------------------------------------------------
// build
// ---------------------------------------------------------------------------------------------

export function buildMethods(sharedDir) {
  const report = { warnings: [], droppedDois: [], droppedEdges: [], unmatched: [], yearNotes: [] };
  const records = new Map();
  const nameOwner = new Map(); // lower-cased name/alias → slug (collision control)

  const newRecord = (slug) => ({
    slug, name: null, aliases: [], family: null, description: null, year: null,
    paper: null, code_url: null, license: null, parameter_count: null, derived_from: [],
    training_datasets: [], sources: [],
  });
  const get = (slug) => {
    if (!records.has(slug)) records.set(slug, newRecord(slug));
    return records.get(slug);
  };
  const fill = (rec, field, value) => {
    if ((rec[field] === null || rec[field] === undefined) && value !== null && value !== undefined && value !== '') rec[field] = value;
  };
  const addSource = (rec, s) => { if (!rec.sources.includes(s)) rec.sources.push(s); };
  const fillPaper = (rec, p) => {
    if (!p) return;
    if (!rec.paper) { rec.paper = { doi: p.doi ?? null, arxiv_id: p.arxiv_id ?? null, url: p.url ?? null }; return; }
    // complete a partially known reference only when it refers to the same work
    const same = (rec.paper.doi && p.doi && rec.paper.doi === p.doi) || (rec.paper.arxiv_id && p.arxiv_id && rec.paper.arxiv_id === p.arxiv_id);
    if (same) { fill(rec.paper, 'doi', p.doi); fill(rec.paper, 'arxiv_id', p.arxiv_id); }
  };

  // --- Matbench Discovery -------------------------------------------------------------------
  const mb = readMatbenchModels(sharedDir);
  const arena = readArenaRegistry(sharedDir);
  const arenaBySlug = new Map();
  for (const [name, m] of Object.entries(ARENA_MAP)) if (m.relation === 'same') arenaBySlug.set(m.slug, { name, entry: arena[name] });

  const archNames = new Map(ARCHITECTURES.map((a) => [a.name.toLowerCase(), a.slug]));
  for (const { rel, data: y } of mb) {
    const slug = y.model_key;
    if (!SLUG_RE.test(slug)) { report.warnings.push(`matbench ${rel}: model_key ${slug} is not a valid slug; skipped`); continue; }
    const rec = get(slug);
    let name = y.model_name;
    // A Matbench model named exactly like a separate architecture record (e.g. "CHGNet" for
    // chgnet-0.3.0 vs the chgnet architecture) gets its version appended to stay unambiguous.
    const owner = archNames.get(String(name).toLowerCase());
    if (owner && owner !== slug) name = `${name} ${String(y.model_version || '').replace(/^v/, '')}`.trim();
    rec.name = name;
    if (name !== y.model_name) rec.aliases.push(y.model_name);
    addSource(rec, 'matbench-discovery');

    const targets = String(y.targets || '');
    const arch = (y.architecture_types || []).map(String);
    let family;
    if (/^EF/.test(targets)) family = 'universal';
    else if (arch.includes('transformer')) family = 'transformer';
    else if (arch.includes('bayesian_optimization')) family = 'other';
    else if (arch.includes('fingerprint') || arch.includes('random_forest')) family = 'descriptor';
    else if (arch.includes('gnn')) family = 'message-passing';
    else family = 'other';
    rec.family = family;

    // paper
    const doi = normalizeDoi(y.doi);
    if (y.doi && !doi) report.droppedDois.push(`${rel}: doi ${y.doi}`);
    const arxiv = arxivIdFrom(y.paper || '') || (doi && doi.startsWith('10.48550/arxiv.') ? arxivIdFrom(doi) : null);
    const paperUrl = y.paper && !/arxiv\.org/i.test(y.paper) && !/doi\.org/i.test(y.paper) ? String(y.paper) : null;
    if (doi || arxiv || paperUrl) rec.paper = { doi, arxiv_id: arxiv, url: paperUrl };

    const arenaHit = arenaBySlug.get(slug);
    const yc = chooseMatbenchYear({
      paperPublished: dateString(y.dates?.paper_published),
      benchmarkAdded: dateString(y.dates?.benchmark_added),
      arxivId: arxiv,
      arenaDate: arenaHit ? dateString(arenaHit.entry?.date) : null,
    });
    rec.year = yc.year;
    if (yc.basis && yc.basis !== 'paper_published') report.yearNotes.push(`${slug}: year ${yc.year} from ${yc.basis} (paper_published ${dateString(y.dates?.paper_published)}, benchmark_added ${dateString(y.dates?.benchmark_added)}, arXiv ${arxiv})`);

    rec.code_url = y.repo || null;
    rec.license = (y.license && typeof y.license === 'object' ? y.license.code : y.license) || null;
    const params = Number(y.model_params);
    rec.parameter_count = Number.isFinite(params) && params > 0 ? params : null;
    if (!(params > 0)) report.warnings.push(`${slug}: model_params ${y.model_params} → parameter_count null`);
    rec.training_datasets = uniqSorted((y.training_sets || []).map((t) => trainingSetSlug(String(t))));

    // description
    let kind;
    if (/^EFS/.test(targets)) kind = 'an interatomic potential predicting energies, forces and stresses';
    else if (/^EF/.test(targets)) kind = 'an interatomic potential predicting energies and forces';
    else if (targets === 'E') kind = 'an energy-only model (no forces)';
    else kind = 'a model';
    const sets = (y.training_sets || []).map(String).join(', ');
    let s1 = `${name} is ${kind} evaluated in Matbench Discovery${y.model_version ? ` (model version ${y.model_version})` : ''}${sets ? `, trained on ${sets}` : ''}.`;
    if (y.lifecycle === 'aborted') s1 = `${s1.slice(0, -1)}; its Matbench Discovery submission was aborted and has no metrics.`;
    else if (y.lifecycle === 'superseded' && y.superseded_by) s1 = `${s1.slice(0, -1)}; superseded there by ${y.superseded_by}.`;
    const s2 = firstSentence(y.notes?.description);
    rec.description = DESCRIPTION_OVERRIDES[slug] || (s2 ? `${s1} ${s2}` : s1);

    // lineage: superseded_by → the successor derives from this model (same family directory)
    rec._superseded_by = y.superseded_by || null;
    for (const [parent] of MATBENCH_PARENTS[slug] || []) rec.derived_from.push(parent);
    for (const a of EXTRA_ALIASES[slug] || []) rec.aliases.push(a);
  }
  for (const rec of records.values()) {
    if (rec._superseded_by) {
      const succ = records.get(rec._superseded_by);
      if (succ) succ.derived_from.push(rec.slug);
      else report.droppedEdges.push(`superseded_by ${rec.slug} → ${rec._superseded_by}: successor not in the seed set`);
    }
  }

  // --- architectures (curated table) + best-of ---------------------------------------------
  const bestOf = readBestOf(sharedDir);
  const mbRepoLicences = new Map(); // normalized repo → set of licences in Matbench files
  for (const { data: y } of mb) {
    const r = normRepo(y.repo);
    const l = y.license && typeof y.license === 'object' ? y.license.code : null;
    if (r && l) { if (!mbRepoLicences.has(r)) mbRepoLicences.set(r, new Set()); mbRepoLicences.get(r).add(l); }
  }
  for (const a of ARCHITECTURES) {
    const rec = get(a.slug);
    const isNew = !rec.name;
    if (isNew) { rec.name = a.name; rec.family = a.family; rec.description = a.description; }
    for (const al of a.aliases || []) rec.aliases.push(al);
    for (const [p] of a.parents || []) rec.derived_from.push(p);
    for (const s of a.extraSources || []) addSource(rec, s);
    for (const [, s] of a.parents || []) if (s !== 'awesome-mlip') addSource(rec, s);
    if (a.paperLink) { fillPaper(rec, paperFromLink(a.paperLink)); addSource(rec, a.paperSource); }
    if (a.bestOf) {
      const p = bestOf.get(a.bestOf);
      if (!p) report.unmatched.push(`best-of project "${a.bestOf}" for ${a.slug} not found`);
      else {
        addSource(rec, 'best-of-atomistic-ml');
        fill(rec, 'code_url', githubUrl(p) || null);
        const lic = licenceName(p.license);
        fill(rec, 'license', lic);
        if (!lic && p.license) report.warnings.push(`${a.slug}: best-of licence is a URL (${p.license}); not used as licence name`);
      }
    }
  }
  // a licence can be taken over from Matbench files that use the very same repository,
  // provided they all agree
  for (const rec of records.values()) {
    if (rec.license || !rec.code_url) continue;
    const ls = mbRepoLicences.get(normRepo(rec.code_url));
    if (ls && ls.size === 1) { rec.license = [...ls][0]; addSource(rec, 'matbench-discovery'); }
  }

  // --- awesome-mlip genealogy ----------------------------------------------------------------
  const mer = parseMermaid(fs.readFileSync(path.join(sharedDir, 'awesome-mlip', 'README.md'), 'utf8'));
  const babel = readBabelYears(sharedDir);
  const nodeSlug = (id) => (id in AWESOME_NODE_SLUG ? AWESOME_NODE_SLUG[id] : undefined);
  for (const [id, node] of mer.nodes) {
    const slug = nodeSlug(id);
    if (slug === undefined) { report.unmatched.push(`awesome-mlip node ${id} has no slug mapping`); continue; }
    if (slug === null) continue;
    const rec = records.get(slug);
    if (!rec) { report.unmatched.push(`awesome-mlip node ${id} → ${slug}: no record`); continue; }
    addSource(rec, 'awesome-mlip');
    const { name } = splitMermaidLabel(node.label || id);
    if (name && name !== rec.name) rec.aliases.push(name);
    const link = mer.clicks.get(id);
    if (link) {
      const p = paperFromLink(link);
      if (!p) report.droppedDois.push(`awesome-mlip click ${id}: ${link}`);
      fillPaper(rec, p);
    }
    node._slug = slug;
  }
  for (const [id, link] of mer.clicks) if (!mer.nodes.has(id)) report.unmatched.push(`awesome-mlip click ${id} (${link}) has no node; ignored`);
  for (const [p, c] of mer.edges) {
    const ps = nodeSlug(p);
    const cs = nodeSlug(c);
    if (!ps || !cs || !records.has(ps) || !records.has(cs)) {
      report.droppedEdges.push(`awesome-mlip ${p} --> ${c} (${ps ?? 'concept/none'} → ${cs ?? 'concept/none'})`);
      continue;
    }
    records.get(cs).derived_from.push(ps);
  }

  // --- MLIP Arena registry -----------------------------------------------------------------
  for (const [name, entry] of Object.entries(arena)) {
    const m = ARENA_MAP[name];
    if (!m) { report.unmatched.push(`mlip-arena registry model ${name} not mapped`); continue; }
    const rec = get(m.slug);
    addSource(rec, 'mlip-arena');
    if (m.relation === 'new') {
      rec.name = name;
      rec.family = 'universal';
      rec.training_datasets = uniqSorted((entry.datasets || []).map((d) => (d in ARENA_DATASET_SLUG ? ARENA_DATASET_SLUG[d] : slugify(d))));
      const p = paperFromLink(entry.doi);
      if (p) rec.paper = p;
      const d = dateString(entry.date);
      rec.year = d ? Number(d.slice(0, 4)) : null;
      const dsNames = (entry.datasets || []).join(', ');
      rec.description = `${name} is a ${entry.family ? `${entry.family}-family ` : ''}model registered in MLIP Arena (package ${entry.package}${entry.checkpoint ? `, checkpoint ${entry.checkpoint}` : entry.model_name ? `, model ${entry.model_name}` : ''})${dsNames ? `, trained on ${dsNames}` : ''}.`;
      for (const [p2] of MATBENCH_PARENTS[m.slug] || []) rec.derived_from.push(p2);
    }
    if (name !== rec.name) rec.aliases.push(name);
    fill(rec, 'code_url', entry.github ? String(entry.github).replace(/\/+$/, '').replace(/\/tree\/main$/, '') : null);
    fill(rec, 'license', entry.license || null);
    if (m.relation === 'same' || m.relation === 'new') fillPaper(rec, paperFromLink(entry.doi));
    // arena datasets only where no other source gave training data and the checkpoint is the record itself
    if (m.relation === 'same' && rec.training_datasets.length === 0) {
      rec.training_datasets = uniqSorted((entry.datasets || []).map((d) => (d in ARENA_DATASET_SLUG ? ARENA_DATASET_SLUG[d] : slugify(d))));
    }
  }

  // --- years for records without one: babel.bib by DOI, arXiv id, single-year subgraph -----------
  for (const rec of records.values()) {
    if (rec.year !== null) continue;
    const doi = rec.paper?.doi;
    if (doi && babel.has(doi)) { rec.year = babel.get(doi); addSource(rec, 'doctor-archive'); continue; }
    if (rec.paper?.arxiv_id && arxivYear(rec.paper.arxiv_id)) { rec.year = arxivYear(rec.paper.arxiv_id); continue; }
    const node = [...mer.nodes.values()].find((n) => n._slug === rec.slug);
    const sy = node ? subgraphYears(node.subgraph) : null;
    if (sy && sy.to !== null && sy.from === sy.to) { rec.year = sy.from; continue; }
  }
  // sanity check: a year outside the awesome-mlip period of the node is reported and dropped
  for (const rec of records.values()) {
    const node = [...mer.nodes.values()].find((n) => n._slug === rec.slug);
    const sy = node ? subgraphYears(node.subgraph) : null;
    if (rec.year !== null && sy && (rec.year < sy.from - 1 || (sy.to !== null && rec.year > sy.to))) {
      report.yearNotes.push(`${rec.slug}: year ${rec.year} outside awesome-mlip period "${node.subgraph}"${rec.sources.includes('matbench-discovery') ? ' (kept: Matbench/arXiv date)' : ' → null'}`);
      if (!rec.sources.includes('matbench-discovery') && !rec.paper?.arxiv_id) rec.year = null;
    }
  }

  // --- finalize: dedupe, validate, collision-free aliases ----------------------------------
  const out = [];
  for (const rec of records.values()) {
    delete rec._superseded_by;
    if (!SLUG_RE.test(rec.slug)) { report.warnings.push(`invalid slug ${rec.slug} dropped`); continue; }
    if (!FAMILIES.has(rec.family)) report.warnings.push(`${rec.slug}: family ${rec.family} not allowed`);
    rec.derived_from = uniqSorted(rec.derived_from.filter((p) => p !== rec.slug));
    rec.training_datasets = uniqSorted(rec.training_datasets);
    rec.sources = uniqSorted(rec.sources);
    nameOwner.set(rec.name.toLowerCase(), rec.slug);
    out.push(rec);
  }
  for (const rec of out) {
    const keep = [];
    for (const a of uniqSorted(rec.aliases)) {
      if (a === rec.name) continue;
      const owner = nameOwner.get(a.toLowerCase());
      if (owner && owner !== rec.slug) { report.warnings.push(`alias "${a}" of ${rec.slug} collides with ${owner}; dropped`); continue; }
      nameOwner.set(a.toLowerCase(), rec.slug);
      keep.push(a);
    }
    rec.aliases = keep;
  }
  const slugs = new Set(out.map((r) => r.slug));
  for (const rec of out) {
    const bad = rec.derived_from.filter((p) => !slugs.has(p));
    if (bad.length) report.droppedEdges.push(`${rec.slug} → ${bad.join(', ')}: parent missing`);
    rec.derived_from = rec.derived_from.filter((p) => slugs.has(p));
  }
  // cycle check (lineage must be a DAG)
  const bySlug = new Map(out.map((r) => [r.slug, r]));
  const state = new Map();
  const visit = (s, stack) => {
    if (state.get(s) === 2) return;
    if (state.get(s) === 1) { report.warnings.push(`lineage cycle: ${[...stack, s].join(' → ')}`); return; }
    state.set(s, 1);
    for (const p of bySlug.get(s).derived_from) visit(p, [...stack, s]);
    state.set(s, 2);
  };
  for (const s of bySlug.keys()) visit(s, []);

  out.sort((a, b) => cmp(a.slug, b.slug));
  const ordered = out.map((r) => ({
    slug: r.slug, name: r.name, aliases: r.aliases, family: r.family, description: r.description,
    year: r.year, paper: r.paper, code_url: r.code_url, license: r.license,
    parameter_count: r.parameter_count, derived_from: r.derived_from,
    training_datasets: r.training_datasets, sources: r.sources,
  }));
  const generated_from = uniqSorted(ordered.flatMap((r) => r.sources));
  return { doc: { generated_from, methods: ordered }, report };
}

export const REQUIRED_SLUGS = [
  'behler-parrinello', 'ani', 'ani-2x', 'deepmd', 'dpa-1', 'gap', 'soap', 'ace', 'snap', 'mtp', 'gdml',
  'schnet', 'dimenet', 'dimenet-pp', 'painn', 'tfn', 'nequip', 'allegro', 'mace', 'mace-mp-0', 'mace-off',
  'cgcnn', 'megnet', 'm3gnet', 'chgnet', 'gemnet-dt', 'gemnet-oc', 'spinconv', 'scn', 'escn', 'equiformer',
  'equiformer-v2', 'esen', 'sevennet', 'orb', 'mattersim', 'grace', 'aimnet2',
];

export function writeJson(file, obj) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(obj, null, 2)}\n`);
}

function main() {
  const sharedDir = path.resolve(process.argv[2] || path.join(SCRIPT_DIR, '../../../shared/data'));
  const seedDir = path.resolve(process.argv[3] || path.join(SCRIPT_DIR, '../main/resources/seed'));
  const { doc, report } = buildMethods(sharedDir);
  const file = path.join(seedDir, 'methods.json');
  writeJson(file, doc);

  const ms = doc.methods;
  const bySource = {};
  for (const m of ms) for (const s of m.sources) bySource[s] = (bySource[s] || 0) + 1;
  const missing = REQUIRED_SLUGS.filter((s) => !ms.some((m) => m.slug === s));
  console.log(`methods.json: ${ms.length} methods → ${file}`);
  console.log(`  by source: ${Object.entries(bySource).sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  console.log(`  lineage edges: ${ms.reduce((n, m) => n + m.derived_from.length, 0)}; with paper: ${ms.filter((m) => m.paper).length}; with year: ${ms.filter((m) => m.year !== null).length}`);
  console.log(`  required architecture slugs missing: ${missing.length ? missing.join(', ') : 'none'}`);
  const dsFile = path.join(seedDir, 'datasets.json');
  if (fs.existsSync(dsFile)) {
    const known = new Set(JSON.parse(fs.readFileSync(dsFile, 'utf8')).datasets.map((d) => d.slug));
    const unknown = uniqSorted(ms.flatMap((m) => m.training_datasets).filter((d) => !known.has(d)));
    console.log(`  training_datasets slugs not (yet) in datasets.json: ${unknown.length ? unknown.join(', ') : 'none'}`);
  }
  const section = (title, xs) => { if (xs.length) { console.log(`  ${title} (${xs.length}):`); for (const x of xs) console.log(`    - ${x}`); } };
  section('dropped lineage edges', report.droppedEdges);
  section('dropped DOIs / links', report.droppedDois);
  section('unmatched source names', report.unmatched);
  section('year decisions', report.yearNotes);
  section('warnings', report.warnings);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
