#!/usr/bin/env node
// Converter: upstream files in shared/data  ->  seed/datasets.json
//
//   node datasets.mjs [sharedDataDir] [seedDir]
//
// Defaults (relative to this script's directory): ../../../shared/data and ../main/resources/seed.
// Sources read (see shared/data/SOURCES.md):
//   matbench-discovery/datasets.yml      training/test datasets of Matbench Discovery (WBM, MPtrj, ...)
//   fairchem/model_checkpoints.md        OC20, OC22, ODAC23, OMat24 sections, BibTeX blocks, val-ID tables
//   load-atoms/*.yaml                    16 datasets, reStructuredText descriptions, BibTeX citations
//   best-of-atomistic-ml/projects.yaml   category `datasets` (CC BY-SA 4.0); only real datasets are kept
//   data-efficiency-3bpa/*.csv           3BPA test splits (column names test_<T>K_*)
//   kgcnn-md17/**.yaml                   MD17 CCSD / CCSD(T) trajectories (trajectory_name)
//   doctor-archive/babel.bib             DOIs of dataset papers, looked up by exact title (never invented)
//   SOURCES.md                           DOI of the data-efficiency paper (section 4)
//
// Output follows src/seed-tools/SEED-FORMAT.md (section datasets.json): sorted by slug, 2-space
// JSON, trailing newline, null for unknown values. Re-running on the same input is byte-identical.

import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from 'node:fs'
import { dirname, join, resolve, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import { parse as parseBibtexLib } from '@retorquere/bibtex-parser'
import { parse as parseCsv } from 'csv-parse/sync'

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const DOMAINS = ['small-molecules', 'materials', 'catalysis', 'biomolecules', 'liquids', 'amorphous', 'surfaces', 'mixed']
export const SLUG_RE = /^[a-z0-9]+([.-][a-z0-9]+)*$/
export const DOI_RE = /^10\.\d{4,9}\/\S+$/

// DOI prefixes of data repositories (Zenodo, figshare, Cambridge Apollo). A DOI with such a prefix
// identifies a data deposit, not a paper: it is never used as the introducing `paper`, and DOIs of
// this kind found only in a description link (e.g. "supplementary information") are not cited.
const DATA_DOI_PREFIXES = ['10.5281/', '10.6084/', '10.17863/']

// Greek letters: used both for slugs (spelled out) and for :math: roles (unicode).
const GREEK = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ',
  sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
}
const GREEK_NAME_BY_CHAR = Object.fromEntries(
  Object.entries(GREEK).filter(([n]) => !n.startsWith('var')).map(([n, c]) => [c, n.toLowerCase()]),
)
const TEX_SYMBOLS = {
  rightarrow: '→', to: '→', leftarrow: '←', leftrightarrow: '↔', times: '×', cdot: '·', pm: '±',
  approx: '≈', sim: '~', leq: '≤', geq: '≥', le: '≤', ge: '≥', infty: '∞', AA: 'Å', circ: '°', prime: '′',
}
const SUP = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', "'": "'", '′': '′' }
const SUB = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' }

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for datasets.test.mjs)
// ---------------------------------------------------------------------------------------------

/** "MP 2022" -> "mp-2022", "C-GAP-17" -> "c-gap-17", "MDR-MP PBE ω_q" -> "mdr-mp-pbe-omega-q". */
export function slugify(text) {
  let s = String(text ?? '')
  s = s.replace(/[\u0370-\u03ff]/g, (c) => (GREEK_NAME_BY_CHAR[c] ? ` ${GREEK_NAME_BY_CHAR[c]} ` : ' '))
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') // strip accents (é -> e)
  s = s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return s
}

function mapScript(text, table, marker) {
  const chars = [...text]
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join('')
  return `${marker}(${text})`
}

/** Inline LaTeX math (content of an rST :math: role) -> plain unicode text. */
export function latexToText(src) {
  let s = String(src)
  for (let i = 0; i < 3; i++) {
    s = s.replace(/\\(?:text|mathrm|mathbf|mathit|mathsf|textrm|textit|textbf|operatorname|mbox)\s*\{([^{}]*)\}/g, '$1')
  }
  s = s.replace(/\\([A-Za-z]+)/g, (all, name) => GREEK[name] ?? TEX_SYMBOLS[name] ?? name)
  s = s.replace(/\\[,;:! ]/g, ' ')
  s = s.replace(/\{\}/g, '')
  s = s.replace(/\^\{([^{}]*)\}/g, (_, x) => mapScript(x, SUP, '^'))
  s = s.replace(/\^([^\s{}])/g, (_, x) => mapScript(x, SUP, '^'))
  s = s.replace(/_\{([^{}]*)\}/g, (_, x) => mapScript(x, SUB, '_'))
  s = s.replace(/_([^\s{}])/g, (_, x) => mapScript(x, SUB, '_'))
  s = s.replace(/[{}]/g, '')
  return s.replace(/\s+/g, ' ').trim()
}

/** reStructuredText inline markup (as used in load-atoms descriptions) -> plain text. */
export function rstToText(src) {
  if (src == null) return null
  let s = String(src)
  s = s.replace(/^[ \t]*\|[ \t]?/gm, '') // line blocks ("| text")
  s = s.replace(/:math:`([^`]*)`/g, (_, m) => latexToText(m))
  s = s.replace(/:doc:`([^`<]*?)\s*<([^>`]*)>`/g, (_, title, target) => title.trim() || lastPathSegment(target))
  s = s.replace(/:doc:`([^`]*)`/g, (_, target) => lastPathSegment(target))
  s = s.replace(/:[A-Za-z]+(?::[A-Za-z]+)?:`([^`<]*?)\s*<[^>`]*>`/g, '$1') // :ref:`text <target>`
  s = s.replace(/:[A-Za-z]+(?::[A-Za-z]+)?:`([^`]*)`/g, '$1') // :code:`x`, :term:`x`, ...
  s = s.replace(/``([^`]+)``/g, '$1') // inline literal
  s = s.replace(/`([^`<]*?)\s*<([^>`]+)>`_{1,2}/g, (_, text, url) => text.trim() || url.trim()) // hyperlinks
  s = s.replace(/`([^`]+)`_{1,2}/g, '$1') // reference by name
  s = s.replace(/`([^`]+)`/g, '$1') // interpreted text
  s = s.replace(/\\ /g, '') // escaped whitespace separates markup from text
  s = s.replace(/\\([^A-Za-z0-9\s])/g, '$1') // other backslash escapes
  return collapseWhitespace(s)
}

function lastPathSegment(p) {
  return String(p).replace(/\/+$/, '').split('/').pop().trim()
}

/** Markdown inline markup (datasets.yml descriptions) -> plain text. */
export function markdownToText(src) {
  if (src == null) return null
  let s = String(src)
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
  s = s.replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, text, url) => text.trim() || url.trim())
  s = s.replace(/`([^`]*)`/g, '$1')
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2')
  s = s.replace(/<[^>]+>/g, ' ')
  return collapseWhitespace(s)
}

export function collapseWhitespace(s) {
  return String(s).replace(/\s+/g, ' ').replace(/\s+([,.;:!?])(?=\s|$)/g, '$1').trim()
}

/** Split plain text into sentences (good enough for short dataset descriptions). */
export function splitSentences(text) {
  if (!text) return []
  return text.split(/(?<=[.!?])\s+(?=["'(A-Z0-9])/).map((x) => x.trim()).filter(Boolean)
}

/** Lower-cased DOI without resolver prefix, or null if it is not a DOI. */
export function normalizeDoi(raw) {
  if (raw == null) return null
  let s = String(raw).trim()
  s = s.replace(/^doi:\s*/i, '').replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
  s = s.replace(/[.,;]+$/, '').toLowerCase()
  return DOI_RE.test(s) ? s : null
}

/** First DOI-looking substring of an arbitrary text or URL (e.g. a journal landing page). */
export function extractDoi(text) {
  if (text == null) return null
  const m = String(text).match(/10\.\d{4,9}\/[^\s"'<>]+/)
  return m ? normalizeDoi(m[0].replace(/[).,;]+$/, '')) : null
}

/** arXiv id (versionless) from an arXiv DOI, abs/pdf URL, "arXiv:XXXX" string or eprint field. */
export function arxivIdFrom(text) {
  if (text == null) return null
  const s = String(text)
  let m = s.match(/10\.48550\/arxiv\.(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i)
    ?? s.match(/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i)
    ?? s.match(/arxiv:\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i)
    ?? s.match(/^\s*(\d{4}\.\d{4,5})(?:v\d+)?\s*$/)
  return m ? m[1].toLowerCase().replace(/v\d+$/, '') : null
}

/** Paper reference object { doi, arxiv_id, url } from a DOI (arXiv DOIs also yield the arXiv id). */
export function makeRef({ doi = null, arxiv_id = null, url = null } = {}) {
  const d = normalizeDoi(doi)
  return { doi: d, arxiv_id: arxiv_id ?? (d ? arxivIdFrom(d) : null), url: url ?? null }
}

/** Normalised title for exact look-ups (case, punctuation, braces and accents ignored). */
export function normTitle(t) {
  return String(t ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '')
}

/** Natural comparison ("test-300k" < "test-1200k"), independent of locale/ICU. */
export function naturalCompare(a, b) {
  const ca = String(a).match(/\d+|\D+/g) ?? []
  const cb = String(b).match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i], y = cb[i]
    if (x === y) continue
    const nx = /^\d/.test(x), ny = /^\d/.test(y)
    if (nx && ny) return Number(x) - Number(y) || (x < y ? -1 : 1)
    return x < y ? -1 : 1
  }
  return ca.length - cb.length
}

export function codepointCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Level of theory stated in a load-atoms description / property descriptions (ordered, first wins). */
const LOT_PATTERNS = [
  [/CCSD\(T\)\/CBS/, 'CCSD(T)/CBS'],
  [/ωB97x\/6-31G\(d\)/i, 'ωB97X/6-31G(d)'],
  [/PBE\/def2-SVP/, 'PBE/def2-SVP'],
  [/\(PBE0\)|\bPBE0\b/, 'PBE0'],
  [/\bPW91\b/, 'PW91'],
  [/\bPBE functional\b|\(PBE DFT\)|\bPBE DFT\b/, 'PBE'],
  [/\(DFT \+ MBD\)/, 'DFT+MBD'],
  [/\(C-GAP-17\)/, 'C-GAP-17 (ML potential)'],
  [/labelled by MTP|labels from the MTP|\bMTP\b.*potential used to generate/, 'MTP (ML potential)'],
]
export function levelOfTheoryFromText(...texts) {
  for (const text of texts) {
    if (!text) continue
    for (const [re, value] of LOT_PATTERNS) if (re.test(text)) return value
  }
  return null
}

/** Sentences of load-atoms descriptions that describe load-atoms' own processing, not the dataset. */
const DROP_SENTENCE = [
  /files (are|were) downloaded from/i,
  /original (files|data) (were|was) obtained from/i,
  /^reference energies for isolated atoms/i,
  /^energies have been converted from/i,
  /^energy labels are quoted in/i,
  /^(more details?|for (more|detailed) information|see )/i,
  /^the md trajectories are presented one at a time/i,
]
export function cleanDescription(text, { maxChars = 480 } = {}) {
  if (!text) return null
  const kept = splitSentences(text).filter((s) => !DROP_SENTENCE.some((re) => re.test(s)))
  const out = []
  for (const s of kept) {
    if (out.length && [...out, s].join(' ').length > maxChars) break
    out.push(s)
  }
  let r = collapseWhitespace(out.join(' '))
  if (r && !/[.!?)]$/.test(r)) r += '.'
  return r || null
}

// ---------------------------------------------------------------------------------------------
// Record building and merging
// ---------------------------------------------------------------------------------------------

function newDataset(slug, name) {
  return {
    slug, name, aliases: [], description: null, domain: null, level_of_theory: null,
    n_structures: null, n_materials: null, size_note: null, license: null, url: null,
    paper: null, citations: [], subsets: [], sources: [],
  }
}

class Catalog {
  constructor() {
    this.bySlug = new Map()
    this.log = { merges: [], skipped: [], doiNotes: [], warnings: [], sourcesUsed: new Set() }
  }
  get(slug) { return this.bySlug.get(slug) }
  upsert(slug, name, source) {
    if (!SLUG_RE.test(slug)) throw new Error(`invalid slug ${JSON.stringify(slug)} for ${name}`)
    let d = this.bySlug.get(slug)
    if (!d) {
      d = newDataset(slug, name)
      this.bySlug.set(slug, d)
    } else if (!d.sources.includes(source)) {
      this.log.merges.push(`${slug}: + ${source} (${name})`)
    }
    this.addSource(d, source)
    if (name && name !== d.name) this.addAlias(d, name)
    return d
  }
  addSource(d, source) {
    if (!d.sources.includes(source)) d.sources.push(source)
    this.log.sourcesUsed.add(source)
  }
  addAlias(d, alias) {
    const a = collapseWhitespace(alias ?? '')
    if (!a || a.toLowerCase() === d.name.toLowerCase()) return
    if (d.aliases.some((x) => x.toLowerCase() === a.toLowerCase())) return
    d.aliases.push(a)
  }
  fill(d, field, value) {
    if (d[field] == null && value != null && value !== '') d[field] = value
  }
  addCitation(d, ref) {
    if (!ref || (!ref.doi && !ref.arxiv_id && !ref.url)) return
    const same = d.citations.find((c) => (ref.doi && c.doi === ref.doi) || (ref.arxiv_id && c.arxiv_id === ref.arxiv_id))
    if (same) {
      for (const k of ['doi', 'arxiv_id', 'url']) if (same[k] == null && ref[k] != null) same[k] = ref[k]
    } else {
      d.citations.push({ doi: ref.doi ?? null, arxiv_id: ref.arxiv_id ?? null, url: ref.url ?? null })
    }
  }
  setPaper(d, ref) {
    if (!ref || (!ref.doi && !ref.arxiv_id && !ref.url)) return
    if (d.paper == null) d.paper = { doi: ref.doi ?? null, arxiv_id: ref.arxiv_id ?? null, url: ref.url ?? null }
    else if ((ref.doi && d.paper.doi === ref.doi) || (ref.arxiv_id && d.paper.arxiv_id === ref.arxiv_id)) {
      for (const k of ['doi', 'arxiv_id', 'url']) if (d.paper[k] == null && ref[k] != null) d.paper[k] = ref[k]
    }
    this.addCitation(d, d.paper)
  }
  addSubset(d, sub) {
    if (!SLUG_RE.test(sub.slug)) throw new Error(`invalid subset slug ${sub.slug} in ${d.slug}`)
    const full = { slug: sub.slug, name: sub.name ?? sub.slug, description: sub.description ?? null,
      level_of_theory: sub.level_of_theory ?? null, temperature_k: sub.temperature_k ?? null,
      n_structures: sub.n_structures ?? null }
    const existing = d.subsets.find((s) => s.slug === sub.slug)
    if (!existing) d.subsets.push(full)
    else for (const k of Object.keys(full)) if (existing[k] == null && full[k] != null) existing[k] = full[k]
  }
  doi(context, raw) {
    // normalise a DOI from a source; report what is dropped or repaired
    if (raw == null || raw === '') return null
    const d = normalizeDoi(raw)
    if (d) return d
    const extracted = extractDoi(raw)
    if (extracted) {
      this.log.doiNotes.push(`${context}: DOI ${extracted} extracted from ${JSON.stringify(String(raw))}`)
      return extracted
    }
    this.log.doiNotes.push(`${context}: dropped non-DOI ${JSON.stringify(String(raw))}`)
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// BibTeX
// ---------------------------------------------------------------------------------------------

export function parseBibtex(text) {
  const lib = parseBibtexLib(String(text ?? ''), { english: false, sentenceCase: false, unsupported: 'ignore' })
  return lib.entries.map((e) => ({
    key: e.key,
    type: e.type,
    title: e.fields.title ?? null,
    doi: e.fields.doi ?? null,
    eprint: e.fields.eprint ?? null,
    journal: e.fields.journal ?? null,
    url: e.fields.url ?? null,
  }))
}

/** Index of babel.bib (doctor-archive): normalised title -> DOI (first valid one). */
function loadBabelIndex(file) {
  const index = new Map()
  if (!existsSync(file)) return index
  for (const e of parseBibtex(readFileSync(file, 'utf8'))) {
    const doi = normalizeDoi(e.doi)
    const key = normTitle(e.title)
    if (!key) continue
    const cur = index.get(key)
    if (!cur) index.set(key, { doi, arxiv_id: arxivIdFrom(e.eprint), bibkey: e.key })
    else if (!cur.doi && doi) Object.assign(cur, { doi, bibkey: e.key })
  }
  return index
}

// ---------------------------------------------------------------------------------------------
// Source 1: matbench-discovery/datasets.yml
// ---------------------------------------------------------------------------------------------

const MBD_SLUG = { Alex: 'alexandria' } // required slug; otherwise slug = slugify(key)
const MBD_NAME = { Alex: 'Alexandria' } // otherwise the key (what model files reference) is the name
const MBD_DOMAIN = { OC20: 'catalysis', OpenLAM: 'mixed', COSMOSDataset: 'mixed' } // otherwise materials

function commentOf(pair) {
  const parts = [pair.key?.commentBefore, pair.value?.commentBefore, pair.value?.comment]
    .filter(Boolean).map((c) => collapseWhitespace(c))
  return parts.length ? parts.join(' ') : null
}

function convertMatbench(cat, file) {
  const src = 'matbench-discovery'
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'))
  const data = doc.toJS()
  for (const pair of doc.contents.items) {
    const key = String(pair.key.value)
    const r = data[key]
    const slug = MBD_SLUG[key] ?? slugify(key)
    const d = cat.upsert(slug, MBD_NAME[key] ?? key, src)
    cat.addAlias(d, key)
    cat.addAlias(d, r.name)
    cat.fill(d, 'description', cleanDescription(markdownToText(r.description)))
    cat.fill(d, 'domain', MBD_DOMAIN[key] ?? 'materials')
    const fn = r.params?.functional
    cat.fill(d, 'level_of_theory', typeof fn === 'string' && !/^various$/i.test(fn) ? fn : null)
    cat.fill(d, 'n_structures', Number.isInteger(r.n_structures) ? r.n_structures : null)
    cat.fill(d, 'n_materials', Number.isInteger(r.n_materials) ? r.n_materials : null)
    // size note: YAML comments on the counts + other count fields (n_stable_materials, ...)
    const notes = []
    for (const p of pair.value.items) {
      const k = String(p.key.value)
      if (!/^n_/.test(k)) continue
      const c = commentOf(p)
      if (k === 'n_structures' || k === 'n_materials') { if (c) notes.push(`${k}: ${c}`) } else notes.push(`${k}: ${p.value.value}${c ? ` (${c})` : ''}`)
    }
    cat.fill(d, 'size_note', notes.length ? notes.join('; ') : null)
    cat.fill(d, 'license', r.license ?? null)
    cat.fill(d, 'url', r.url ?? null)
    const doi = cat.doi(`${src}:${key}`, r.doi)
    if (doi) cat.setPaper(d, makeRef({ doi }))
  }
  // WBM subsets: the three `discovery` subsets used in the model files' metrics blocks.
  const wbm = cat.get('wbm')
  if (wbm) {
    cat.addSubset(wbm, { slug: 'full-test-set', name: 'full test set',
      description: 'The complete WBM test set of Matbench Discovery (metrics key full_test_set).',
      n_structures: wbm.n_structures })
    cat.addSubset(wbm, { slug: 'most-stable-10k', name: 'most stable 10k',
      description: 'Matbench Discovery discovery-metrics subset restricted to the 10k most stable WBM structures (metrics key most_stable_10k).' })
    cat.addSubset(wbm, { slug: 'unique-prototypes', name: 'unique prototypes',
      description: 'WBM structures whose structure prototypes are unique and do not overlap with MPtrj; the Matbench Discovery leaderboard shows discovery metrics on this subset by default (metrics key unique_prototypes).' })
  }
}

// ---------------------------------------------------------------------------------------------
// Source 2: fairchem/model_checkpoints.md
// ---------------------------------------------------------------------------------------------

const FAIRCHEM_DOMAIN = { oc20: 'catalysis', oc22: 'catalysis', odac23: 'materials', omat24: 'materials' }
const FAIRCHEM_DESCRIPTION = {
  oc22: 'Open Catalyst 2022 dataset for oxide electrocatalysts. The FAIR-Chem OC22 models are trained on DFT total energies, unlike the OC20 models, which are trained on adsorption energies.',
  odac23: 'Open Direct Air Capture 2023 dataset for sorbent discovery in direct air capture. FAIR-Chem releases S2EF and IS2RE Direct models trained on it; IS2RS is solved by structural relaxations with the S2EF models.',
}

export function parseFairchemSections(md) {
  // Sections whose heading ends with "(ABBR)", e.g. "# Open Catalyst 2020 (OC20)".
  const lines = md.split(/\r?\n/)
  const sections = []
  let cur = null
  let sub = null
  let inCode = false
  for (const line of lines) {
    if (/^```/.test(line)) inCode = !inCode
    const h = !inCode && line.match(/^(#{1,6})\s+(.*?)\s*$/)
    if (h) {
      const m = h[2].match(/^(.*)\(([A-Za-z0-9]+)\)$/)
      if (m && /\d/.test(m[2])) {
        cur = { title: m[1].trim(), abbr: m[2], level: h[1].length, lines: [], subsections: [] }
        sections.push(cur)
        sub = null
        continue
      }
      // a dataset section runs until the next dataset heading or a heading above its own level
      if (cur && h[1].length < cur.level) { cur = null; sub = null; continue }
      if (cur) { sub = { heading: h[2], lines: [] }; cur.subsections.push(sub) }
      continue
    }
    if (cur) { cur.lines.push(line); if (sub) sub.lines.push(line) }
  }
  return sections.map((s) => {
    const text = s.lines.join('\n')
    const bibtex = [...text.matchAll(/```bibtex\s*\n([\s\S]*?)```/g)].map((m) => m[1])
    const arxiv = [...text.matchAll(/arxiv\.org\/abs\/(\d{4}\.\d{4,5})/gi)].map((m) => m[1])
    const licence = /Creative Commons Attribution 4\.0/i.test(text) ? 'CC-BY-4.0' : null
    // "For details, see [arxiv](...) and https://github.com/.../DATASET.md": the non-arXiv link is the dataset doc
    const detailsLine = s.lines.find((l) => /for details, see/i.test(l)) ?? ''
    const detailsUrl = (detailsLine.match(/https?:\/\/[^\s)\]]+/g) ?? [])
      .map((u) => u.replace(/[.,;:]+$/, '')).find((u) => !/arxiv\.org/i.test(u)) ?? null
    const subsets = []
    for (const ss of s.subsections) {
      const header = ss.lines.find((l) => /^\|/.test(l))
      if (!header || !/val ID/i.test(header)) continue
      const task = ss.heading.replace(/\s+models?\b.*$/i, '').trim() // "S2EF models: ..." -> "S2EF"
      const metrics = header.split('|').map((c) => c.trim()).filter((c) => /val ID/i.test(c))
      subsets.push({ task, heading: ss.heading, metrics })
    }
    return { title: s.title, abbr: s.abbr, bibtex, arxiv: [...new Set(arxiv)], licence, detailsUrl, subsets }
  })
}

function convertFairchem(cat, file) {
  const src = 'fairchem'
  const sections = parseFairchemSections(readFileSync(file, 'utf8'))
  for (const s of sections) {
    const slug = slugify(s.abbr)
    const d = cat.upsert(slug, s.abbr, src)
    cat.addAlias(d, s.title)
    cat.addAlias(d, `${s.title} (${s.abbr})`)
    cat.fill(d, 'domain', FAIRCHEM_DOMAIN[slug] ?? 'materials')
    cat.fill(d, 'description', FAIRCHEM_DESCRIPTION[slug] ?? null)
    cat.fill(d, 'license', s.licence)
    cat.fill(d, 'url', s.detailsUrl)
    const entries = s.bibtex.flatMap((b) => parseBibtex(b))
    entries.forEach((e, i) => {
      const doi = cat.doi(`${src}:${s.abbr}:${e.key}`, e.doi)
      let arxiv = arxivIdFrom(e.eprint) ?? arxivIdFrom(e.journal) ?? arxivIdFrom(doi)
      if (i === 0 && !arxiv && s.arxiv.length === 1) arxiv = s.arxiv[0] // "For details, see arxiv.org/abs/..."
      const ref = makeRef({ doi, arxiv_id: arxiv })
      if (i === 0) cat.setPaper(d, ref)
      else cat.addCitation(d, ref)
    })
    for (const sub of s.subsets) {
      const name = `${sub.task} val ID`
      cat.addSubset(d, { slug: slugify(name), name,
        description: `${s.abbr} ${sub.task} in-distribution validation split, on which FAIR-Chem reports ${sub.metrics.join(' and ')} (table "${sub.heading}").` })
    }
  }
  return sections.map((s) => s.abbr)
}

// ---------------------------------------------------------------------------------------------
// Source 3: load-atoms/*.yaml
// ---------------------------------------------------------------------------------------------

const LOAD_ATOMS_DOMAIN = {
  'AC-2D-22': 'amorphous', 'ANI-1ccx': 'small-molecules', 'ANI-1x': 'small-molecules', 'C-GAP-17': 'amorphous',
  'C-GAP-20U': 'materials', 'C-SYNTH-23M': 'amorphous', 'GO-MACE-23': 'materials', 'GST-GAP-22': 'materials',
  'P-GAP-20': 'materials', QM7: 'small-molecules', QM9: 'small-molecules', 'Si-GAP-18': 'materials',
  'SiO2-GAP-22': 'materials', 'SiOx-ACE-24': 'materials', 'a-Si-24': 'amorphous', rMD17: 'small-molecules',
}
const LOAD_ATOMS_ALIASES = { rMD17: ['revised MD17'] }
const N_STRUCTURES_RE = /\b(?:contains|comprises|consists of|collection of)\s+(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w-]+,?\s+){0,3}(?:structures|molecules|configurations)\b/i
const SIZE_NOTE_RES = [
  /\b\d+(?:\.\d+)?k\s+(?:[\w-]+\s+){0,3}molecules\b/i,
  /\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}MD trajectories(?:, each containing \d+ atoms)?/i,
  /\bsingle MD trajectory for each of \d+ molecules\b/i,
]

function rstLinks(src) {
  return [...String(src ?? '').matchAll(/`([^`<]*?)\s*<([^>`]+)>`_{1,2}/g)].map((m) => ({ text: rstToText(m[1]), url: m[2].trim() }))
}

function convertLoadAtoms(cat, dir, babel) {
  const src = 'load-atoms'
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort(codepointCompare)
  for (const f of files) {
    const r = YAML.parse(readFileSync(join(dir, f), 'utf8'))
    // NB: representative_structure (e.g. `205_000`, a string under YAML 1.2) is the index of an example
    // structure, not a count: it is deliberately not used.
    const name = String(r.name)
    const d = cat.upsert(slugify(name), name, src)
    for (const a of LOAD_ATOMS_ALIASES[name] ?? []) cat.addAlias(d, a)
    const plain = rstToText(r.description)
    const propDescs = ['per_structure_properties', 'per_atom_properties']
      .flatMap((k) => Object.values(r[k] ?? {}).map((p) => rstToText(p?.desc ?? '')))
      .join(' \n ')
    cat.fill(d, 'description', cleanDescription(plain))
    if (!LOAD_ATOMS_DOMAIN[name]) cat.log.warnings.push(`load-atoms ${name}: no domain mapping, using "mixed"`)
    cat.fill(d, 'domain', LOAD_ATOMS_DOMAIN[name] ?? 'mixed')
    cat.fill(d, 'level_of_theory', levelOfTheoryFromText(plain, propDescs))
    const n = plain?.match(N_STRUCTURES_RE)
    cat.fill(d, 'n_structures', n ? Number(n[1].replace(/,/g, '')) : null)
    for (const re of SIZE_NOTE_RES) {
      const m = plain?.match(re)
      if (m && !n) { cat.fill(d, 'size_note', m[0]); break }
    }
    cat.fill(d, 'license', r.license ?? null)
    // DOIs: BibTeX entries; an entry without a doi is resolved by its exact title against a doi.org
    // link in the same description, then against babel.bib. Description links to doi.org are cited too.
    const links = rstLinks(r.description)
    const linkDoiByTitle = new Map()
    const linkDois = []
    for (const l of links) {
      if (!/^https?:\/\/(dx\.)?doi\.org\//i.test(l.url)) continue
      const doi = cat.doi(`${src}:${name}:link`, l.url)
      if (!doi) continue
      linkDoiByTitle.set(normTitle(l.text), doi)
      linkDois.push(doi)
    }
    const refs = []
    for (const e of parseBibtex(r.citation)) {
      let doi = cat.doi(`${src}:${name}:${e.key}`, e.doi)
      let arxiv = arxivIdFrom(doi) ?? arxivIdFrom(e.eprint)
      if (!doi) {
        const t = normTitle(e.title)
        if (linkDoiByTitle.has(t)) {
          doi = linkDoiByTitle.get(t)
          cat.log.doiNotes.push(`${src}:${name}:${e.key}: DOI ${doi} taken from the description link with the same title`)
        } else if (babel.get(t)?.doi) {
          doi = babel.get(t).doi
          cat.addSource(d, 'doctor-archive')
          cat.log.doiNotes.push(`${src}:${name}:${e.key}: DOI ${doi} found in babel.bib (${babel.get(t).bibkey}) by title`)
        } else {
          cat.log.doiNotes.push(`${src}:${name}:${e.key}: no DOI (entry "${e.title}")`)
        }
      }
      if (doi || arxiv) refs.push({ ...makeRef({ doi, arxiv_id: arxiv }), isData: doi ? DATA_DOI_PREFIXES.some((p) => doi.startsWith(p)) : false })
    }
    const intro = refs.find((x) => !x.isData)
    if (intro) cat.setPaper(d, makeRef(intro))
    for (const x of refs) cat.addCitation(d, makeRef(x))
    for (const doi of linkDois) if (!DATA_DOI_PREFIXES.some((p) => doi.startsWith(p))) cat.addCitation(d, makeRef({ doi }))
  }
  return files.length
}

// Documentation page of each load-atoms dataset (URL pattern used in load-atoms' own descriptions,
// e.g. SiOx-ACE-24 links https://jla-gardner.github.io/load-atoms/datasets/Si-GAP-18.html).
function loadAtomsDocsUrl(name) {
  return `https://jla-gardner.github.io/load-atoms/datasets/${name}.html`
}

// ---------------------------------------------------------------------------------------------
// Source 4: data-efficiency-3bpa (3BPA) and Source 5: kgcnn-md17 (MD17 CCSD/CCSD(T))
// ---------------------------------------------------------------------------------------------

function babelRef(cat, babel, d, title, context) {
  const hit = babel.get(normTitle(title))
  if (!hit || (!hit.doi && !hit.arxiv_id)) {
    cat.log.warnings.push(`${context}: "${title}" not found in babel.bib, no DOI recorded`)
    return null
  }
  cat.addSource(d, 'doctor-archive')
  cat.log.doiNotes.push(`${context}: DOI ${hit.doi} found in babel.bib (${hit.bibkey}) by title`)
  return makeRef({ doi: hit.doi, arxiv_id: hit.arxiv_id })
}

function convert3bpa(cat, dir, sourcesMd, babel) {
  const src = 'data-efficiency-3bpa'
  const temps = new Set()
  const datasetNames = new Set()
  const nTrain = new Set()
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv')).sort(codepointCompare)) {
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'), { columns: true, skip_empty_lines: true })
    if (!rows.length) continue
    for (const col of Object.keys(rows[0])) {
      const m = col.match(/^test_(\d+)K_/i)
      if (m) temps.add(Number(m[1]))
    }
    for (const row of rows) {
      if (row.dataset) datasetNames.add(row.dataset)
      const n = Number(row.nsamples ?? row.n)
      if (Number.isInteger(n) && n > 0) nTrain.add(n)
    }
  }
  if (!temps.size) return
  const name = datasetNames.size === 1 ? [...datasetNames][0] : '3BPA'
  const d = cat.upsert(slugify(name), name, src)
  cat.fill(d, 'domain', 'small-molecules')
  cat.fill(d, 'description', `${name} benchmark for machine-learned force fields of organic molecules, introduced with linear atomic cluster expansion (ACE) force fields. Vita and Schwalbe-Koda use it to measure how NequIP and MACE potentials trained on ${Math.min(...nTrain)} to ${Math.max(...nTrain)} ${name} configurations extrapolate to test sets sampled at ${[...temps].sort((a, b) => a - b).join(' K, ').replace(/, (\d+)$/, ' and $1')} K.`)
  const paper = babelRef(cat, babel, d, 'Linear Atomic Cluster Expansion Force Fields for Organic Molecules: Beyond RMSE', `${src}:3BPA paper`)
  if (paper) cat.setPaper(d, paper)
  // DOI of the data-efficiency paper, as stated in SOURCES.md section 4
  const sec4 = sourcesMd.split(/\n## /).find((s) => /^4\.\s/.test(s)) ?? ''
  const m = sec4.match(/doi\s+(10\.\d{4,9}\/[^\s)]+)/i)
  if (m) cat.addCitation(d, makeRef({ doi: cat.doi(`${src}:SOURCES.md`, m[1]) }))
  for (const t of [...temps].sort((a, b) => a - b)) {
    cat.addSubset(d, { slug: `test-${t}k`, name: `test ${t} K`, temperature_k: t,
      description: `${name} test split at ${t} K (columns test_${t}K_energy / test_${t}K_forces).` })
  }
}

const LOT_SUFFIX = { ccsd_t: 'CCSD(T)', ccsd: 'CCSD' }

function walk(dir) {
  const out = []
  for (const e of readdirSync(dir).sort(codepointCompare)) {
    const p = join(dir, e)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

function convertMd17(cat, dir, babel) {
  const src = 'kgcnn-md17'
  const trajectories = new Set()
  for (const f of walk(dir).filter((x) => /\.ya?ml$/.test(x))) {
    const r = YAML.parse(readFileSync(f, 'utf8'))
    if (r?.trajectory_name) trajectories.add(String(r.trajectory_name))
  }
  if (!trajectories.size) return
  const d = cat.upsert('md17', 'MD17', src)
  cat.addAlias(d, 'MD17Dataset')
  cat.fill(d, 'domain', 'small-molecules')
  cat.fill(d, 'description', 'MD17 family of molecular-dynamics trajectories of small organic molecules with energy and force labels. The subsets listed here are the CCSD and CCSD(T) trajectories on which kgcnn trains SchNet and PaiNN (energies in kcal/mol, forces in kcal/mol/Å; 1000 training geometries).')
  const p = babelRef(cat, babel, d, 'Machine Learning of Accurate Energy-Conserving Molecular Force Fields', `${src}:MD17 paper`)
  if (p) cat.setPaper(d, p)
  const cc = babelRef(cat, babel, d, 'Towards Exact Molecular Dynamics Simulations with Machine-Learned Force Fields', `${src}:MD17 CCSD(T) paper`)
  if (cc) cat.addCitation(d, cc)
  for (const t of [...trajectories].sort(codepointCompare)) {
    const m = t.match(/^(.*?)_(ccsd_t|ccsd)$/)
    const molecule = m ? m[1] : t
    const lot = m ? LOT_SUFFIX[m[2]] : null
    cat.addSubset(d, { slug: slugify(t), name: lot ? `${molecule} (${lot})` : molecule, level_of_theory: lot,
      description: `${molecule[0].toUpperCase()}${molecule.slice(1)} trajectory labelled at ${lot ?? 'unknown'} level (kgcnn trajectory_name ${t}).` })
  }
}

// ---------------------------------------------------------------------------------------------
// Source 6: best-of-atomistic-ml/projects.yaml (category datasets, CC BY-SA 4.0)
// ---------------------------------------------------------------------------------------------

// Entries describing a dataset that another source already has: merged into that record.
const BEST_OF_MERGE = {
  'Alexandria Materials Database': ['alexandria'],
  'Graphs of Materials Project 20190401': ['mp-graphs'],
  'Materials Project Trajectory (MPtrj) Dataset': ['mptrj'],
  'MPF.2021.2.8': ['mpf'],
  'ANI-1x Datasets': ['ani-1x'],
  'Meta Open Materials 2024 (OMat24) Dataset': ['omat24'],
  // umbrella project of the two MatPES records of datasets.yml (same homepage matpes.ai)
  MatPES: ['matpes-pbe', 'matpes-r2scan'],
  // sgdml.org hosts MD17 ("MD17, MD22, DFT datasets"): used as the MD17 url only
  'sGDML Datasets': ['md17'],
}
// Real datasets only present in best-of: slug, display name, domain.
const BEST_OF_NEW = {
  'HME21 Dataset': ['hme21', 'HME21', 'materials'],
  'Materials Project - Charge Densities': ['mp-charge-densities', 'Materials Project Charge Densities', 'materials'],
  'QM9 Charge Densities and Energies': ['qm9-charge-densities', 'QM9 Charge Densities and Energies', 'small-molecules'],
  'QM40 Dataset': ['qm40', 'QM40', 'small-molecules'],
  'QMugs dataset': ['qmugs', 'QMugs', 'small-molecules'],
  ZINC15: ['zinc15', 'ZINC15', 'small-molecules'],
  ZINC20: ['zinc20', 'ZINC20', 'small-molecules'],
  '3DSC Database': ['3dsc', '3DSC', 'materials'],
  'ANI-1 Dataset': ['ani-1', 'ANI-1', 'small-molecules'],
  'COMP6 Benchmark dataset': ['comp6', 'COMP6', 'small-molecules'],
  GEOM: ['geom', 'GEOM', 'small-molecules'],
  SPICE: ['spice', 'SPICE', 'small-molecules'],
  '2DMD dataset': ['2dmd', '2DMD', 'materials'],
  ATOM3D: ['atom3d', 'ATOM3D', 'biomolecules'],
  QH9: ['qh9', 'QH9', 'small-molecules'],
  'nep-data': ['nep-data', 'nep-data', 'materials'],
  'tmQM_wB97MV Dataset': ['tmqm-wb97mv', 'tmQM_wB97MV', 'small-molecules'],
  'GDB-9-Ex9 and ORNL_AISD-Ex': ['gdb-9-ex9-and-ornl-aisd-ex', 'GDB-9-Ex9 and ORNL_AISD-Ex', 'small-molecules'],
  'The Perovskite Database Project': ['perovskite-database', 'The Perovskite Database', 'materials'],
  OBELiX: ['obelix', 'OBELiX', 'materials'],
  nablaDFT: ['nabladft', 'nablaDFT', 'small-molecules'],
  polyVERSE: ['polyverse', 'polyVERSE', 'materials'],
  SciGlass: ['sciglass', 'SciGlass', 'amorphous'],
  NRELMatDB: ['nrelmatdb', 'NRELMatDB', 'materials'],
  'matterverse.ai': ['matterverse-ai', 'matterverse.ai', 'materials'],
}
// Entries that are not a dataset themselves (software, APIs, platforms, leaderboards, collections).
const BEST_OF_SKIP = {
  'Catalysis Hub': 'web platform for sharing data and software',
  'Citrination Datasets': 'data platform (decommissioned)',
  'crystals.ai': 'portal of curated datasets (collection)',
  'DeepChem Models': 'model repository',
  'JARVIS-Leaderboard': 'benchmark leaderboard',
  'Quantum-Machine.org Datasets': 'collection of datasets (QM7, QM9, MD, ...) – individual datasets come from load-atoms',
  MoleculeNet: 'benchmark suite / collection of datasets',
  'MoleculeNet Leaderboard': 'leaderboard',
  'Open Databases Integration for Materials Design (OPTIMADE)': 'API specification',
  'Visual Graph Datasets': 'library / dataset format',
  OpenKIM: 'model repository (KIM API)',
  'linear-regression-benchmarks': 'single-paper code repository without dataset description',
  'FAIR Chemistry datasets': 'software repository covering several datasets (OC20, OC22, ...) – those come from fairchem',
  MPContribs: 'contribution platform / client',
  'paper-data-redundancy': 'single-paper code repository',
  'Materials Data Facility (MDF)': 'publication platform / client',
  'OPTIMADE Python tools': 'software',
  'OPTIMADE providers dashboard': 'list of database providers',
  'load-atoms': 'software (its datasets come from load-atoms/*.yaml)',
  'AIS Square': 'sharing platform (datasets, models, workflows)',
  'MPDS API': 'API client',
  OpenQDC: 'library aggregating other datasets',
}

function bestOfUrl(p) {
  const cand = [p.homepage, p.github_id && `https://github.com/${p.github_id}`, p.gitlab_id && `https://gitlab.com/${p.gitlab_id}`]
  return cand.find((u) => typeof u === 'string' && /^https?:\/\//.test(u)) ?? null
}

function bestOfDescription(p, name, url) {
  if (p.description) {
    let t = collapseWhitespace(String(p.description).replace(/https?:\/\/\S+/g, ''))
    t = t.replace(/\(\s*\)/g, '').replace(/\s+([.,;])/g, '$1').replace(/[.,;:]+$/, '')
    if (t) return `${t}.`
  }
  const labels = (p.labels ?? []).filter((l) => l !== 'datasets')
  return `${name}: listed in the Datasets category of best-of-atomistic-ml${labels.length ? ` (labels: ${labels.join(', ')})` : ''}${url ? `; hosted at ${url}` : ''}.`
}

function convertBestOf(cat, file) {
  const src = 'best-of-atomistic-ml'
  const data = YAML.parse(readFileSync(file, 'utf8'))
  const projects = (data.projects ?? []).filter((p) => p.category === 'datasets')
  for (const p of projects) {
    const url = bestOfUrl(p)
    if (p.homepage && !/^https?:\/\//.test(String(p.homepage))) {
      cat.log.warnings.push(`${src}:${p.name}: homepage ${JSON.stringify(p.homepage)} is not a URL – ignored`)
    }
    const dois = [...String(p.description ?? '').matchAll(/https?:\/\/(?:dx\.)?doi\.org\/\S+/g)]
      .map((m) => cat.doi(`${src}:${p.name}`, m[0].replace(/[.,;)]+$/, ''))).filter(Boolean)
    if (BEST_OF_MERGE[p.name]) {
      for (const slug of BEST_OF_MERGE[p.name]) {
        const d = cat.get(slug)
        if (!d) { cat.log.warnings.push(`${src}:${p.name}: merge target ${slug} missing`); continue }
        if (!d.sources.includes(src)) cat.log.merges.push(`${slug}: + ${src} (${p.name})`)
        cat.addSource(d, src)
        if (BEST_OF_MERGE[p.name].length === 1 && p.name !== 'sGDML Datasets') cat.addAlias(d, p.name)
        cat.fill(d, 'url', url)
        cat.fill(d, 'license', p.license ?? null)
        for (const doi of dois) cat.addCitation(d, makeRef({ doi }))
      }
      continue
    }
    if (BEST_OF_NEW[p.name]) {
      const [slug, name, domain] = BEST_OF_NEW[p.name]
      const d = cat.upsert(slug, name, src)
      cat.addAlias(d, p.name)
      cat.fill(d, 'domain', domain)
      cat.fill(d, 'description', bestOfDescription(p, name, url))
      cat.fill(d, 'license', p.license ?? null)
      cat.fill(d, 'url', url)
      if (dois[0]) cat.setPaper(d, makeRef({ doi: dois[0] }))
      for (const doi of dois) cat.addCitation(d, makeRef({ doi }))
      continue
    }
    cat.log.skipped.push(`${src}: "${p.name}" – ${BEST_OF_SKIP[p.name] ?? 'UNCLASSIFIED (new upstream entry? add it to BEST_OF_NEW/MERGE/SKIP)'}`)
  }
  return projects.length
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function finalize(cat) {
  const out = []
  for (const d of cat.bySlug.values()) {
    d.aliases.sort((a, b) => codepointCompare(a.toLowerCase(), b.toLowerCase()) || codepointCompare(a, b))
    d.sources.sort(codepointCompare)
    d.citations.sort((a, b) => codepointCompare(a.doi ?? '~', b.doi ?? '~') || codepointCompare(a.arxiv_id ?? '', b.arxiv_id ?? ''))
    d.subsets.sort((a, b) => naturalCompare(a.slug, b.slug))
    out.push(d)
  }
  out.sort((a, b) => codepointCompare(a.slug, b.slug))
  return out
}

export const REQUIRED = {
  wbm: ['full-test-set', 'most-stable-10k', 'unique-prototypes'],
  md17: ['aspirin-ccsd', 'benzene-ccsd-t', 'ethanol-ccsd-t', 'malonaldehyde-ccsd-t', 'toluene-ccsd-t'],
  rmd17: [],
  '3bpa': ['test-300k', 'test-600k', 'test-1200k'],
  oc20: ['s2ef-val-id', 'is2re-val-id'],
  oc22: ['s2ef-total-val-id'],
  odac23: [], omat24: [], mptrj: [], 'mp-2022': [], salex: [], alexandria: [],
  qm9: [], qm7: [], 'ani-1x': [], 'ani-1ccx': [],
}

export function validate(datasets) {
  const errors = []
  const slugs = new Set()
  for (const d of datasets) {
    if (!SLUG_RE.test(d.slug)) errors.push(`bad slug ${d.slug}`)
    if (slugs.has(d.slug)) errors.push(`duplicate slug ${d.slug}`)
    slugs.add(d.slug)
    if (!DOMAINS.includes(d.domain)) errors.push(`${d.slug}: bad domain ${d.domain}`)
    for (const r of [d.paper, ...d.citations].filter(Boolean)) {
      if (r.doi != null && !DOI_RE.test(r.doi)) errors.push(`${d.slug}: bad DOI ${r.doi}`)
      if (r.doi != null && r.doi !== r.doi.toLowerCase()) errors.push(`${d.slug}: DOI not lower-case ${r.doi}`)
    }
    const ss = new Set()
    for (const s of d.subsets) {
      if (!SLUG_RE.test(s.slug) || ss.has(s.slug)) errors.push(`${d.slug}: bad/duplicate subset ${s.slug}`)
      ss.add(s.slug)
    }
    if (!d.sources.length) errors.push(`${d.slug}: no sources`)
  }
  for (const [slug, subs] of Object.entries(REQUIRED)) {
    const d = datasets.find((x) => x.slug === slug)
    if (!d) { errors.push(`required dataset ${slug} missing`); continue }
    for (const s of subs) if (!d.subsets.some((x) => x.slug === s)) errors.push(`required subset ${slug}/${s} missing`)
  }
  if (datasets.length < 30) errors.push(`only ${datasets.length} datasets (< 30)`)
  return errors
}

export function convert(sharedDir) {
  const cat = new Catalog()
  const p = (...x) => join(sharedDir, ...x)
  const babel = loadBabelIndex(p('doctor-archive', 'babel.bib'))
  const sourcesMd = existsSync(p('SOURCES.md')) ? readFileSync(p('SOURCES.md'), 'utf8') : ''

  convertMatbench(cat, p('matbench-discovery', 'datasets.yml'))
  convertFairchem(cat, p('fairchem', 'model_checkpoints.md'))
  const nLoadAtoms = convertLoadAtoms(cat, p('load-atoms'), babel)
  convert3bpa(cat, p('data-efficiency-3bpa'), sourcesMd, babel)
  convertMd17(cat, p('kgcnn-md17'), babel)
  const nBestOf = convertBestOf(cat, p('best-of-atomistic-ml', 'projects.yaml'))

  // load-atoms documentation page as fallback url (after best-of, whose homepage/github is preferred)
  for (const d of cat.bySlug.values()) {
    if (d.url == null && d.sources.includes('load-atoms')) {
      const name = [d.name, ...d.aliases].find((n) => slugify(n) === d.slug) ?? d.name
      d.url = loadAtomsDocsUrl(name)
    }
  }
  const datasets = finalize(cat)
  const generated_from = [...cat.log.sourcesUsed].sort(codepointCompare)
  return { json: { generated_from, datasets }, log: cat.log, stats: { nLoadAtoms, nBestOf } }
}

export function serialize(json) {
  return `${JSON.stringify(json, null, 2)}\n`
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url))
  const sharedDir = resolve(process.argv[2] ?? join(here, '../../../shared/data'))
  const seedDir = resolve(process.argv[3] ?? join(here, '../main/resources/seed'))
  const { json, log } = convert(sharedDir)
  const errors = validate(json.datasets)
  if (errors.length) {
    console.error(`datasets.mjs: validation failed:\n  ${errors.join('\n  ')}`)
    process.exit(1)
  }
  mkdirSync(seedDir, { recursive: true })
  const outFile = join(seedDir, 'datasets.json')
  writeFileSync(outFile, serialize(json))

  const ds = json.datasets
  console.log(`datasets.mjs: ${ds.length} datasets (${ds.reduce((n, d) => n + d.subsets.length, 0)} subsets) from ${json.generated_from.join(', ')}`)
  for (const d of ds) console.log(`  ${d.slug}${d.subsets.length ? ` [${d.subsets.map((s) => s.slug).join(', ')}]` : ''}  <- ${d.sources.join(', ')}`)
  if (log.merges.length) console.log(`merges (${log.merges.length}):\n  ${log.merges.join('\n  ')}`)
  if (log.skipped.length) console.log(`skipped (${log.skipped.length}):\n  ${log.skipped.join('\n  ')}`)
  if (log.doiNotes.length) console.log(`DOI notes (${log.doiNotes.length}):\n  ${log.doiNotes.join('\n  ')}`)
  if (log.warnings.length) console.log(`warnings (${log.warnings.length}):\n  ${log.warnings.join('\n  ')}`)
  console.log(`wrote ${relative(process.cwd(), outFile) || outFile}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
