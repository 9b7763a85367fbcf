#!/usr/bin/env node
// papers.mjs — converts the upstream bibliographies into src/main/resources/seed/papers.json.
//
//   node papers.mjs [sharedDataDir] [seedDir]
//
// Defaults (resolved relative to this script's directory):
//   sharedDataDir = ../../../shared/data     seedDir = ../main/resources/seed
//
// Sources read (see sharedDataDir/SOURCES.md, sections 2, 3, 6):
//   doctor-archive  doctor-archive/babel.bib
//   fairchem        fairchem/references.bib + the ```bibtex blocks of fairchem/model_checkpoints.md
//   load-atoms      load-atoms/*.yaml, field `citation` (one or more BibTeX entries)
//
// Output format: SEED-FORMAT.md, section papers.json. The output is deterministic (papers sorted
// by key, 2-space JSON, trailing newline); a field the source does not give is null.
//
// Merging (union-find over all parsed entries, in this order):
//   1. same DOI and compatible titles -> one paper. Same DOI but incompatible titles -> the DOI
//      stays on the entry that comes first by key order, the others lose it (reported).
//   2. same arXiv id (or same other preprint-server id, e.g. ChemRxiv) -> one paper.
//   3. same normalised title (case, accents, markup, punctuation and spaces ignored) and same
//      year -> one paper (titles of >= 3 words only).
//   Steps 2 and 3 never join two groups that carry different publisher DOIs or different arXiv ids.
// A paper's `key` is <source>:<citekey> of its preferred entry from the first source in the order
// doctor-archive, fairchem, load-atoms (load-atoms: load-atoms:<DatasetName>:<citekey>); its
// bibliographic fields come from the preferred entry overall (published with DOI > published >
// preprint, then the most complete), gaps filled from the other entries.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse as parseBibtex } from '@retorquere/bibtex-parser'
import YAML from 'yaml'

// ---------------------------------------------------------------------------------------------
// Tagging rules. Conservative, title-keyword based; every slug must exist in seed/tags.json (the
// script fails otherwise). A paper gets every tag whose pattern matches its title; it may get none.
// ---------------------------------------------------------------------------------------------
export const TAG_RULES = [
  // pattern (tested against the cleaned title)                                   -> tag slug
  [/machine[- ]?learn|statistical learning|data[- ]driven/i,                         'machine-learning'],
  [/neural[- ]network|deep learning|deep neural|convolutional|transformer/i,          'neural-networks'],
  [/gaussian process|kernel|kriging|gaussian approximation potential/i,               'kernel-methods'],
  [/uncertaint/i,                                                                     'uncertainty'],
  [/active[- ]learning|on[- ]the[- ]fly (machine[- ])?learning|learning on the fly/i, 'active-learning'],
  [/transfer[- ]learning|transferring|fine[- ]?tun|pre[- ]?train/i,                    'transfer-learning'],
  [/generative|normali[sz]ing flows?|variational autoencoder|boltzmann generator|diffusion models?\b/i, 'generative-models'],
  [/molecular[- ]dynamics/i,                                                          'molecular-dynamics'],
  [/enhanced sampling|metadynamics|free[- ]energ|umbrella sampling|rare events?/i,    'enhanced-sampling'],
  [/coarse[- ]grain/i,                                                                'coarse-graining'],
  [/thermal conductivit|heat (transport|conduction|current|flux)|phonon transport|thermal transport/i, 'thermal-transport'],
  [/electronic[- ]structure/i,                                                        'electronic-structure'],
  [/density[- ]functional|\bDFT\b/i,                                                  'dft'],
  [/coupled[- ]cluster|\bCCSD|quantum monte carlo|configuration interaction/i,        'quantum-chemistry'],
  [/interatomic potential|force[- ]fields?|potential[- ]energy (hyper)?surface|machine[- ]learn(ed|ing)[- ](interatomic )?potentials?|neural[- ]network potential|gaussian approximation potential|moment tensor potential|spectral neighbou?r analysis potential|deep potential/i, 'ml-potentials'],
  [/neural[- ]network potential|neural[- ]network[- ]based potential|neural[- ]networks?\b.{0,40}potential[- ]energy (hyper)?surface|potential[- ]energy (hyper)?surfaces?\b.{0,40}neural[- ]network|high[- ]dimensional neural[- ]network|behler[- ]parrinello|deep potential/i, 'neural-network-potentials'],
  [/message[- ]passing/i,                                                             'message-passing'],
  [/equivarian/i,                                                                     'equivariance'],
  [/descriptors?\b|fingerprint|symmetry functions|atomic cluster expansion|smooth overlap of atomic positions|(atomic|atom[- ]centered|atomistic|molecular|structural) representations?/i, 'descriptors'],
  [/long[- ]range|electrostatic|charge equilibration/i,                               'long-range'],
  [/universal (interatomic|machine[- ]learn|graph|neural|potential|force)|foundation model|(across|for) the periodic table/i, 'universal-potentials'],
  [/benchmark/i,                                                                      'benchmarks'],
  [/(?<!small )\b(data ?sets?|databases?)\b|^data for \d/i,                            'datasets'],
  [/materials? discovery|discovery of (new )?materials|crystal structure prediction|high[- ]throughput|inverse design|materials design/i, 'materials-discovery'],
  [/cataly[st]/i,                                                                     'catalysis'],
  [/\b(small|organic|drug[- ]like) molecules\b|chemical (compound )?space|molecular properties/i, 'molecules'],
  [/amorphous|\bglass(es|y)?\b|disordered/i,                                          'amorphous-materials'],
]

// fairchem/references.bib has a custom `category` field; mapped to tags here.
export const FAIRCHEM_CATEGORY_TAGS = {
  'accelerating catalysis': ['catalysis'],
  'catalyst discovery': ['catalysis', 'materials-discovery'],
  'other properties': [],
  'transfer applications': ['transfer-learning'],
  'transfer strategies': ['transfer-learning'],
  'uncertainty': ['uncertainty'],
}

export const SOURCE_ORDER = ['doctor-archive', 'fairchem', 'load-atoms']

// ---------------------------------------------------------------------------------------------
// Pure helpers (tested in papers.test.mjs)
// ---------------------------------------------------------------------------------------------

const DOI_RE = /^10\.\d{4,9}\/\S+$/
const PLACEHOLDER_RE = /^(n\/?a|not available|none|null|unknown|in press|-+|\?)$/i

/** A placeholder such as "not available", "n/a" or "in press" means the source has no value. */
export function isPlaceholder(value) {
  return value == null || String(value).trim() === '' || PLACEHOLDER_RE.test(String(value).trim())
}

/**
 * Normalises a DOI: trims, strips `https://doi.org/`, `http://dx.doi.org/`, `doi:` prefixes,
 * lower-cases, validates against ^10\.\d{4,9}/\S+$. Returns null when the value is not a DOI.
 */
export function normalizeDoi(raw) {
  if (raw == null) return null
  let s = String(raw).trim()
  s = s.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
  s = s.replace(/^doi:\s*/i, '')
  s = s.trim().toLowerCase()
  return DOI_RE.test(s) ? s : null
}

const ARXIV_NEW = String.raw`\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}`
const ARXIV_OLD = String.raw`[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7}`
const ARXIV_ID = `(${ARXIV_NEW}|${ARXIV_OLD})(?:v\\d+)?`

/**
 * Extracts a versionless arXiv id from an eprint value, a URL, a journal string such as
 * "arXiv preprint arXiv:2405.02078", or an arXiv DOI 10.48550/arXiv.2212.12737.
 * With { bare: true } a bare id ("2407.10844", "cond-mat/0501234v2") is accepted as well
 * (use it for `eprint` fields whose archive is arXiv or unspecified).
 */
export function extractArxivId(value, { bare = false } = {}) {
  if (value == null) return null
  const s = String(value).trim()
  const patterns = [
    new RegExp(`10\\.48550\\/arxiv\\.(${ARXIV_NEW})(?:v\\d+)?`, 'i'),
    new RegExp(`arxiv\\.org\\/(?:abs|pdf)\\/${ARXIV_ID}`, 'i'),
    new RegExp(`arxiv\\s*:\\s*${ARXIV_ID}`, 'i'),
  ]
  if (bare) patterns.push(new RegExp(`^${ARXIV_ID}$`, 'i'))
  for (const re of patterns) {
    const m = re.exec(s)
    if (m) return m[1].toLowerCase()
  }
  return null
}

/** Title key used for merging: no markup, no diacritics, lower case, only letters and digits. */
export function normalizeTitle(title) {
  if (!title) return ''
  return String(title)
    .replace(/<[^<>]*>/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Merge key: the normalised title without spaces ("semi-local" = "semilocal"). */
export function titleKey(title) {
  return normalizeTitle(title).replace(/ /g, '')
}

/** Sørensen–Dice coefficient over character bigrams of the normalised titles (0..1). */
export function titleSimilarity(a, b) {
  const x = normalizeTitle(a).replace(/ /g, '')
  const y = normalizeTitle(b).replace(/ /g, '')
  if (!x || !y) return 0
  if (x === y) return 1
  const bigrams = (s) => {
    const m = new Map()
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2)
      m.set(g, (m.get(g) || 0) + 1)
    }
    return m
  }
  const bx = bigrams(x)
  const by = bigrams(y)
  let inter = 0
  for (const [g, n] of bx) inter += Math.min(n, by.get(g) || 0)
  return (2 * inter) / (x.length - 1 + (y.length - 1))
}

const SUB = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ' }
const SUP = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' }
const mapScript = (text, table) => ([...text].every((c) => table[c]) ? [...text].map((c) => table[c]).join('') : text)

/**
 * Cleans a string produced by the BibTeX parser: turns <sub>/<sup> markup into Unicode
 * sub/superscripts where possible, drops all other markup (<i>, <a href>, <span>), repairs
 * dotless-i + combining accent (from {\'{\i}}), maps math-italic letters to plain ones, NFC-normalises and collapses whitespace
 * (including the no-break spaces that `~` becomes).
 */
export function cleanText(s) {
  if (s == null) return null
  let t = String(s)
  t = t.replace(/<sub>([^<>]*)<\/sub>/gi, (_, x) => mapScript(x, SUB))
  t = t.replace(/<sup>([^<>]*)<\/sup>/gi, (_, x) => mapScript(x, SUP))
  t = t.replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, '')
  t = t.replace(/ı(?=\p{M})/gu, 'i').replace(/ȷ(?=\p{M})/gu, 'j')
  // mathematical alphanumerics (𝛻, 𝑥) -> plain letters
  t = t.replace(/[\u{1D400}-\u{1D7FF}]/gu, (c) => c.normalize('NFKC'))
  t = t.normalize('NFC')
  t = t.replace(/\s+/gu, ' ').trim()
  return t === '' ? null : t
}

// Accent commands the parser does not recognise when written without braces, e.g. {\vc} (sic,
// babel.bib) instead of {\v{c}}; mapped to combining marks.
const ACCENTS = { v: '\u030C', u: '\u0306', H: '\u030B', c: '\u0327', d: '\u0323', b: '\u0331', r: '\u030A', k: '\u0328', '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '"': '\u0308', '=': '\u0304', '.': '\u0307' }
const MATH_ACCENTS = { tilde: '\u0303', hat: '\u0302', bar: '\u0304', dot: '\u0307', ddot: '\u0308', vec: '\u20D7', breve: '\u0306', check: '\u030C', acute: '\u0301', grave: '\u0300' }

/** Handler for TeX commands the parser does not know. Records them in `log` (a Map). */
export function makeUnsupportedHandler(log) {
  return (node, tex) => {
    let m = /^\\([vuHcdbrk])\s*\{?([A-Za-z])\}?$/.exec(tex)
    if (m) return (m[2] + ACCENTS[m[1]]).normalize('NFC')
    m = /^\\(tilde|hat|bar|dot|ddot|vec|breve|check|acute|grave)\s*\{?\s*([A-Za-z])\s*\}?$/.exec(tex)
    if (m) return (m[2] + MATH_ACCENTS[m[1]]).normalize('NFC')
    // e.g. \boldsymbol, \text: the parser passes their argument through as plain text
    if (log) log.set(tex, (log.get(tex) || 0) + 1)
    return ''
  }
}

export const PARSE_OPTIONS = {
  english: false, // no sentence-casing: titles stay as written
  sentenceCase: false,
  caseProtection: false, // drop protective braces instead of emitting <span class="nocase">
}

export function parseBib(text, unsupportedLog) {
  return parseBibtex(text, { ...PARSE_OPTIONS, unsupported: makeUnsupportedHandler(unsupportedLog) })
}

/** LaTeX → Unicode for a single string (e.g. `Sch{\"u}tt` → `Schütt`). */
export function latexToUnicode(tex) {
  const lib = parseBib(`@misc{x, title = {${tex}}}`)
  return cleanText(lib.entries[0]?.fields.title ?? '')
}

/**
 * Converts the parser's creator objects to seed authors. `{Collaboration names}` (literal
 * names) keep given/family null; "others" is dropped (counted in stats.others); a trailing
 * equal-contribution asterisk ("Chanussot*") is removed (counted in stats.asterisks).
 */
export function convertCreators(creators, stats = {}) {
  const out = []
  for (const c of creators || []) {
    if (c.name !== undefined && c.lastName === undefined) {
      const name = cleanText(c.name)
      if (!name) continue
      if (/^others$/i.test(name)) { stats.others = (stats.others || 0) + 1; continue }
      out.push({ name, given: null, family: null })
      continue
    }
    const strip = (v) => {
      const t = cleanText(v)
      if (t && /\*+$/.test(t)) { stats.asterisks = (stats.asterisks || 0) + 1; return cleanText(t.replace(/\*+$/, '')) }
      return t
    }
    let last = strip(c.lastName)
    let first = strip(c.firstName)
    const prefix = cleanText(c.prefix)
    const suffix = cleanText(c.suffix)
    if (last && !first && !prefix && /^others$/i.test(last)) { stats.others = (stats.others || 0) + 1; continue }
    if (last && !first && !prefix && !suffix && /\s/.test(last)) {
      if (/\u00A0/.test(c.lastName || '')) {
        // "Mart{\'i}n~Abadi": `~` ties the words, so the parser returns one last name -> split
        const parts = last.split(' ')
        last = parts.pop()
        first = parts.join(' ')
        stats.tildeNames = (stats.tildeNames || 0) + 1
      } else {
        // "{Kaggle participants}," — a braced literal that the parser saw as a last name
        out.push({ name: last, given: null, family: null })
        continue
      }
    }
    const family = [prefix, last].filter(Boolean).join(' ') || null
    const name = [first, family].filter(Boolean).join(' ') + (suffix ? ` ${suffix}` : '')
    if (!name) continue
    out.push({ name, given: first || null, family })
  }
  return out
}

/** Tags for a paper: title rules + fairchem categories, restricted to known slugs, sorted. */
export function tagsFor(title, categories = [], knownSlugs = null) {
  const tags = new Set()
  if (title) for (const [re, slug] of TAG_RULES) if (re.test(title)) tags.add(slug)
  for (const cat of categories) for (const slug of FAIRCHEM_CATEGORY_TAGS[String(cat).trim().toLowerCase()] || []) tags.add(slug)
  const list = [...tags].sort()
  return knownSlugs ? list.filter((t) => knownSlugs.has(t)) : list
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

// ---------------------------------------------------------------------------------------------
// Entry → record
// ---------------------------------------------------------------------------------------------

const PREPRINT_TYPES = new Set(['preprint', 'unpublished'])

function fieldString(v) {
  if (v == null) return null
  if (Array.isArray(v)) v = v.map((x) => (typeof x === 'string' ? x : '')).filter(Boolean).join(' and ')
  const t = cleanText(v)
  return t == null || isPlaceholder(t) ? null : t
}

function parseYear(v) {
  if (v == null) return null
  const m = /^\s*(\d{4})\s*$/.exec(String(v))
  if (!m) return null
  const y = Number(m[1])
  return y >= 1000 && y <= 2100 ? y : null
}

function isoDate(dateField, year, month) {
  const d = dateField == null ? null : String(dateField).trim()
  if (d && /^\d{4}-\d{2}(-\d{2})?$/.test(d)) return d
  // `month` together with a year also gives a month-precision date
  if (year != null && month != null) {
    const names = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
    let m = String(month).trim().toLowerCase()
    let n = /^\d{1,2}$/.test(m) ? Number(m) : names.indexOf(m.slice(0, 3)) + 1
    if (n >= 1 && n <= 12) return `${year}-${String(n).padStart(2, '0')}`
  }
  return null
}

/**
 * Builds a record from one parsed BibTeX entry. `report` collects rejected DOIs etc.
 */
export function recordFromEntry(entry, source, srcKey, report) {
  const f = {}
  for (const [k, v] of Object.entries(entry.fields)) f[k.toLowerCase()] = v
  const type = String(entry.type || 'misc').toLowerCase()

  const title = fieldString(f.title)
  const authorStats = report.authorStats
  const authors = convertCreators(f.author, authorStats)

  // year: `year`, else the year of `date`
  let year = parseYear(f.year)
  const dateRaw = typeof f.date === 'string' ? f.date.trim() : null
  if (year == null && dateRaw && /^\d{4}/.test(dateRaw)) year = parseYear(dateRaw.slice(0, 4))
  let date = isoDate(dateRaw, year, f.month)
  if (date && year != null && Number(date.slice(0, 4)) !== year) {
    report.dateYearMismatch.push({ key: srcKey, year, date })
    date = null
  }

  // DOI
  let doi = null
  const rawDoi = typeof f.doi === 'string' ? f.doi.trim() : null
  if (rawDoi) {
    doi = normalizeDoi(rawDoi)
    if (!doi) report.doiRejected.push({ key: srcKey, raw: rawDoi })
  }
  const urlRaw = typeof f.url === 'string' && !isPlaceholder(f.url) ? f.url.trim() : null
  if (!doi && urlRaw && /^(https?:\/\/)?(dx\.)?doi\.org\//i.test(urlRaw)) {
    const fromUrl = normalizeDoi(urlRaw)
    if (fromUrl) { doi = fromUrl; report.doiFromUrl.push({ key: srcKey, doi }) }
  }

  // arXiv id / other preprint-server id
  const eprint = typeof f.eprint === 'string' && !isPlaceholder(f.eprint) ? f.eprint.trim() : null
  const archive = String(f.archiveprefix || f.eprinttype || '').trim().toLowerCase()
  let arxiv = null
  let server = null
  let otherEprint = null
  if (eprint) {
    arxiv = extractArxivId(eprint, { bare: archive === '' || archive === 'arxiv' })
    if (arxiv) server = 'arXiv'
    else {
      const m = /^([A-Za-z]+rxiv)\s*:\s*(\S+)$/i.exec(eprint)
      if (m) {
        server = /^chemrxiv$/i.test(m[1]) ? 'ChemRxiv' : m[1]
        otherEprint = `${m[1].toLowerCase()}:${m[2].toLowerCase().replace(/\.v\d+$/, '')}`
      } else if (archive && archive !== 'arxiv') {
        otherEprint = `${archive}:${eprint.toLowerCase()}`
      } else {
        report.eprintIgnored.push({ key: srcKey, raw: eprint })
      }
    }
  }
  if (!arxiv && typeof f.arxiv === 'string') arxiv = extractArxivId(f.arxiv, { bare: true })
  const journalRaw = fieldString(f.journal)
  let journalIsArxiv = false
  if (journalRaw && /^arxiv\b/i.test(journalRaw)) {
    const id = extractArxivId(journalRaw)
    if (id) { arxiv = arxiv || id; journalIsArxiv = true }
  }
  if (!arxiv && urlRaw) arxiv = extractArxivId(urlRaw)
  if (!arxiv && doi) arxiv = extractArxivId(doi)

  // venue
  let venue = null
  if (journalIsArxiv) venue = 'arXiv'
  else if (journalRaw) venue = journalRaw
  else if (['inproceedings', 'incollection', 'inbook', 'conference'].includes(type)) venue = fieldString(f.booktitle)
  else if (['phdthesis', 'mastersthesis', 'thesis'].includes(type)) venue = fieldString(f.school) || fieldString(f.institution) || fieldString(f.publisher)
  else if (type === 'techreport') venue = fieldString(f.institution)
  if (!venue) venue = fieldString(f.booktitle)
  // no journal/booktitle/school: the preprint server named by the eprint ("arXiv:…", "ChemRxiv:…",
  // archivePrefix) or implied by an arXiv id (eprint, arXiv DOI, arxiv.org URL)
  if (!venue && server) venue = server
  if (!venue && arxiv) venue = 'arXiv'

  const url = urlRaw
  const codeUrl = url && /^https?:\/\/(www\.)?(github\.com|gitlab\.com)\//i.test(url) ? url : null
  const abstract = fieldString(f.abstract)
  const categories = typeof f.category === 'string' ? [f.category.trim()] : []

  const preprintLike = PREPRINT_TYPES.has(type) || journalIsArxiv || /^(arxiv|chemrxiv|biorxiv)$/i.test(venue || '') ||
    (['misc', 'online'].includes(type) && (arxiv || otherEprint))

  return {
    source,
    srcKey,
    citekey: entry.key,
    entry_type: type,
    title,
    normTitle: normalizeTitle(title),
    titleKey: titleKey(title),
    abstract,
    authors,
    year,
    date,
    venue,
    volume: fieldString(f.volume),
    number: fieldString(f.number),
    pages: fieldString(f.pages),
    publisher: fieldString(f.publisher),
    doi,
    arxiv_id: arxiv,
    otherEprint,
    url,
    code_url: codeUrl,
    categories,
    preprintLike: Boolean(preprintLike),
  }
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

/**
 * Undoes the LaTeX escaping of Google-Scholar exports ("$\backslash$nabla\^{} 2" for
 * "\nabla^2") so that the parser sees the intended commands.
 */
export function unescapeScholar(text) {
  return text.replace(/\$\\backslash\$/g, '\\').replace(/\\\^\{\}/g, '^')
}

function readBibFile(text, source, keyPrefix, report, label) {
  const lib = parseBib(unescapeScholar(text), report.unsupported)
  for (const e of lib.errors) report.parseErrors.push({ file: label, error: e.error || String(e) })
  return lib.entries.map((e) => recordFromEntry(e, source, `${keyPrefix}${e.key}`, report))
}

export function readDoctorArchive(dir, report) {
  const file = path.join(dir, 'doctor-archive', 'babel.bib')
  const recs = readBibFile(fs.readFileSync(file, 'utf8'), 'doctor-archive', 'doctor-archive:', report, 'doctor-archive/babel.bib')
  report.read['doctor-archive/babel.bib'] = recs.length
  return recs
}

export function readFairchem(dir, report) {
  let refs = fs.readFileSync(path.join(dir, 'fairchem', 'references.bib'), 'utf8')
  // Jekyll front matter: leading `---` ... `---` lines
  refs = refs.replace(/^\uFEFF?---\s*\n(?:[\s\S]*?\n)?---\s*\n/, '')
  const a = readBibFile(refs, 'fairchem', 'fairchem:', report, 'fairchem/references.bib')
  report.read['fairchem/references.bib'] = a.length
  const md = fs.readFileSync(path.join(dir, 'fairchem', 'model_checkpoints.md'), 'utf8')
  const blocks = [...md.matchAll(/```bib(?:tex)?\s*\n([\s\S]*?)```/g)].map((m) => m[1])
  const b = readBibFile(blocks.join('\n\n'), 'fairchem', 'fairchem:', report, 'fairchem/model_checkpoints.md')
  report.read['fairchem/model_checkpoints.md (bibtex blocks)'] = b.length
  return [...a, ...b]
}

export function readLoadAtoms(dir, report) {
  const d = path.join(dir, 'load-atoms')
  const files = fs.readdirSync(d).filter((n) => /\.ya?ml$/i.test(n)).sort()
  const out = []
  for (const name of files) {
    const doc = YAML.parse(fs.readFileSync(path.join(d, name), 'utf8'))
    if (!doc || typeof doc.citation !== 'string') continue
    const dataset = String(doc.name || name.replace(/\.ya?ml$/i, ''))
    out.push(...readBibFile(doc.citation, 'load-atoms', `load-atoms:${dataset}:`, report, `load-atoms/${name}`))
  }
  report.read['load-atoms/*.yaml (citations)'] = out.length
  return out
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

// arXiv and ChemRxiv DOIs identify a preprint; they never conflict with a publisher DOI and a
// publisher DOI is preferred when a preprint and its published version are merged.
const isPreprintDoi = (doi) => /^10\.(48550\/arxiv\.|26434\/chemrxiv|33774\/chemrxiv)/.test(doi || '')

function firstFamily(rec) {
  const a = rec.authors[0]
  return a ? normalizeTitle(a.family || a.name) : ''
}

/** Two records sharing a DOI describe the same paper when their titles agree. */
export function titlesCompatible(a, b) {
  if (!a.normTitle || !b.normTitle) return true
  if (a.titleKey === b.titleKey) return true
  const sim = titleSimilarity(a.title, b.title)
  if (sim >= 0.8) return true
  return sim >= 0.5 && a.year === b.year && firstFamily(a) !== '' && firstFamily(a) === firstFamily(b)
}

const sourceIndex = (s) => SOURCE_ORDER.indexOf(s)
// Rank for choosing the record whose bibliographic data represents the paper:
// a published entry with a DOI first, then other published entries, then preprints.
const pubRank = (r) => (r.preprintLike ? 2 : r.doi && !isPreprintDoi(r.doi) ? 0 : 1)
// Among equals, the more complete record (more non-null bibliographic fields) wins.
const BIB_FIELDS = ['title', 'year', 'date', 'venue', 'volume', 'number', 'pages', 'publisher', 'doi', 'arxiv_id', 'url', 'abstract']
const completeness = (r) => BIB_FIELDS.filter((f) => r[f] != null).length + (r.authors.length ? 1 : 0)
const byBasePreference = (a, b) => pubRank(a) - pubRank(b) || completeness(b) - completeness(a) || sourceIndex(a.source) - sourceIndex(b.source) || cmp(a.srcKey, b.srcKey)

export function mergeRecords(records, report) {
  const recs = [...records].sort((a, b) => cmp(a.srcKey, b.srcKey))
  const parent = recs.map((_, i) => i)
  const find = (i) => { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i] } return i }
  const ids = (root) => {
    const dois = new Set(); const arx = new Set()
    for (let i = 0; i < recs.length; i++) if (find(i) === root) {
      if (recs[i].doi && !isPreprintDoi(recs[i].doi)) dois.add(recs[i].doi)
      if (recs[i].arxiv_id) arx.add(recs[i].arxiv_id)
    }
    return { dois, arx }
  }
  // group identifier sets, kept per root
  const groupIds = new Map()
  const idsOf = (i) => { const r = find(i); if (!groupIds.has(r)) groupIds.set(r, ids(r)); return groupIds.get(r) }
  const disjoint = (x, y) => x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v))
  const conflict = (i, j) => { const a = idsOf(i); const b = idsOf(j); return disjoint(a.dois, b.dois) || disjoint(a.arx, b.arx) }
  const union = (i, j, step) => {
    const a = find(i); const b = find(j)
    if (a === b) return false
    const ia = idsOf(a); const ib = idsOf(b)
    const [lo, hi] = a < b ? [a, b] : [b, a]
    parent[hi] = lo
    groupIds.delete(hi)
    groupIds.set(lo, { dois: new Set([...ia.dois, ...ib.dois]), arx: new Set([...ia.arx, ...ib.arx]) })
    report.merges[step] = (report.merges[step] || 0) + 1
    return true
  }
  const groupBy = (keyFn) => {
    const m = new Map()
    recs.forEach((r, i) => { const k = keyFn(r); if (k) { if (!m.has(k)) m.set(k, []); m.get(k).push(i) } })
    return [...m.entries()].sort((a, b) => cmp(a[0], b[0]))
  }

  // 1. DOI + compatible titles
  for (const [doi, members] of groupBy((r) => r.doi)) {
    if (members.length < 2) continue
    const clusters = []
    for (const i of members) {
      const c = clusters.find((cl) => cl.some((j) => titlesCompatible(recs[i], recs[j])))
      if (c) c.push(i); else clusters.push([i])
    }
    for (const cl of clusters) for (const i of cl.slice(1)) {
      if (recs[i].titleKey !== recs[cl[0]].titleKey) report.doiTitleVariants.push({ doi, a: recs[cl[0]].srcKey, b: recs[i].srcKey, titleA: recs[cl[0]].title, titleB: recs[i].title })
      union(cl[0], i, 'same DOI')
    }
    for (const cl of clusters.slice(1)) for (const i of cl) {
      report.doiConflicts.push({ doi, kept_on: recs[clusters[0][0]].srcKey, kept_title: recs[clusters[0][0]].title, dropped_from: recs[i].srcKey, dropped_title: recs[i].title })
      recs[i].doi = null
    }
  }
  groupIds.clear()

  // 2. arXiv id, then other preprint-server ids
  for (const [step, keyFn] of [['same arXiv id', (r) => r.arxiv_id], ['same preprint-server id', (r) => r.otherEprint]]) {
    for (const [id, members] of groupBy(keyFn)) {
      for (const i of members.slice(1)) {
        if (find(i) === find(members[0])) continue
        if (conflict(members[0], i)) { report.blockedMerges.push({ step, id, a: recs[members[0]].srcKey, b: recs[i].srcKey }); continue }
        union(members[0], i, step)
      }
    }
  }

  // 3. normalised title + year (titles of at least 3 words / 20 characters only)
  for (const [k, members] of groupBy((r) => (r.year != null && r.titleKey.length >= 20 && r.normTitle.split(' ').length >= 3 ? `${r.titleKey}|${r.year}` : null))) {
    for (const i of members.slice(1)) {
      if (find(i) === find(members[0])) continue
      if (conflict(members[0], i)) { report.blockedMerges.push({ step: 'same title + year', id: k, a: recs[members[0]].srcKey, b: recs[i].srcKey }); continue }
      union(members[0], i, 'same title + year')
    }
  }

  const groups = new Map()
  recs.forEach((r, i) => { const root = find(i); if (!groups.has(root)) groups.set(root, []); groups.get(root).push(r) })

  // Not merged, only reported for a human to check: same year, very similar titles, no
  // conflicting identifiers (e.g. "… for molecular excited states" vs "… to molecular …",
  // but also "Reciprocal relations … I." vs "… II.").
  const byYear = new Map()
  for (const [root, g] of groups) for (const r of g) if (r.year != null && r.titleKey) {
    if (!byYear.has(r.year)) byYear.set(r.year, [])
    byYear.get(r.year).push({ root, r })
  }
  const seen = new Set()
  for (const year of [...byYear.keys()].sort()) {
    const list = byYear.get(year)
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = list[i]; const b = list[j]
      if (a.root === b.root) continue
      const pair = a.root < b.root ? `${a.root}-${b.root}` : `${b.root}-${a.root}`
      if (seen.has(pair)) continue
      const sim = titleSimilarity(a.r.title, b.r.title)
      if (sim >= 0.9) {
        seen.add(pair)
        report.possibleDuplicates.push({ a: a.r.srcKey, b: b.r.srcKey, year, sim: Math.round(sim * 100) / 100, conflict: conflict(a.root, b.root) })
      }
    }
  }
  return [...groups.values()]
}

/** Builds one seed paper from a group of records describing the same work. */
export function buildPaper(group, knownSlugs) {
  const ordered = [...group].sort(byBasePreference)
  // key: the preferred record of the first source (order doctor-archive, fairchem, load-atoms)
  const firstSource = Math.min(...group.map((r) => sourceIndex(r.source)))
  const keyRec = ordered.find((r) => sourceIndex(r.source) === firstSource)
  const base = ordered[0]
  const pick = (field) => { for (const r of ordered) if (r[field] != null) return r[field]; return null }
  const year = base.year ?? pick('year')
  let date = null
  for (const r of ordered) if (r.date && r.year === year) { date = r.date; break }
  // prefer a publisher DOI over an arXiv DOI
  const doi = ordered.map((r) => r.doi).find((d) => d && !isPreprintDoi(d)) || pick('doi')
  const sourceKeys = [...new Set(group.map((r) => r.srcKey))].sort((a, b) => {
    const sa = a.split(':')[0]; const sb = b.split(':')[0]
    return sourceIndex(sa) - sourceIndex(sb) || cmp(a, b)
  })
  const sources = SOURCE_ORDER.filter((s) => group.some((r) => r.source === s))
  const title = base.title ?? pick('title')
  return {
    key: keyRec.srcKey,
    source_keys: sourceKeys,
    entry_type: base.entry_type,
    title,
    abstract: pick('abstract'),
    authors: base.authors.length ? base.authors : (ordered.find((r) => r.authors.length)?.authors ?? []),
    year,
    date,
    venue: pick('venue'),
    volume: pick('volume'),
    number: pick('number'),
    pages: pick('pages'),
    publisher: pick('publisher'),
    doi,
    arxiv_id: pick('arxiv_id'),
    url: pick('url'),
    code_url: pick('code_url'),
    tags: tagsFor(title, group.flatMap((r) => r.categories), knownSlugs),
    sources,
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export function newReport() {
  return {
    read: {},
    parseErrors: [],
    unsupported: new Map(),
    authorStats: {},
    doiRejected: [],
    doiFromUrl: [],
    eprintIgnored: [],
    dateYearMismatch: [],
    doiConflicts: [],
    doiTitleVariants: [],
    possibleDuplicates: [],
    blockedMerges: [],
    merges: {},
  }
}

export function convert(sharedDir, seedDir) {
  const report = newReport()
  const tagsFile = path.join(seedDir, 'tags.json')
  const knownSlugs = new Set(JSON.parse(fs.readFileSync(tagsFile, 'utf8')).tags.map((t) => t.slug))
  const ruleSlugs = new Set([...TAG_RULES.map(([, s]) => s), ...Object.values(FAIRCHEM_CATEGORY_TAGS).flat()])
  const unknown = [...ruleSlugs].filter((s) => !knownSlugs.has(s))
  if (unknown.length) throw new Error(`tag rules use slugs missing from ${tagsFile}: ${unknown.join(', ')}`)

  const records = [...readDoctorArchive(sharedDir, report), ...readFairchem(sharedDir, report), ...readLoadAtoms(sharedDir, report)]
  const dupKeys = records.map((r) => r.srcKey).filter((k, i, a) => a.indexOf(k) !== i)
  if (dupKeys.length) report.duplicateSourceKeys = [...new Set(dupKeys)]
  const groups = mergeRecords(records, report)
  const papers = groups.map((g) => buildPaper(g, knownSlugs)).sort((a, b) => cmp(a.key, b.key))
  const keys = new Set(papers.map((p) => p.key))
  if (keys.size !== papers.length) throw new Error('duplicate paper keys')
  return { papers, records, report }
}

function printReport({ papers, records, report }, outFile) {
  const log = (...a) => console.log(...a)
  log('papers.mjs — bibliography → papers.json')
  log('entries read:')
  for (const [k, v] of Object.entries(report.read)) log(`  ${k}: ${v}`)
  log(`  total: ${records.length}`)
  if (report.parseErrors.length) { log(`parse errors: ${report.parseErrors.length}`); for (const e of report.parseErrors) log(`  ${e.file}: ${e.error}`) }
  log(`distinct papers written: ${papers.length} -> ${outFile}`)
  const bySource = {}
  for (const p of papers) for (const s of p.sources) bySource[s] = (bySource[s] || 0) + 1
  log(`papers per source: ${SOURCE_ORDER.map((s) => `${s} ${bySource[s] || 0}`).join(', ')}; multi-source papers: ${papers.filter((p) => p.sources.length > 1).length}`)
  log(`merges (entries folded into another): ${Object.entries(report.merges).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; total ${records.length - papers.length}`)
  log(`with DOI: ${papers.filter((p) => p.doi).length}, with arXiv id: ${papers.filter((p) => p.arxiv_id).length}, with date: ${papers.filter((p) => p.date).length}, with tags: ${papers.filter((p) => p.tags.length).length}`)
  log(`DOIs rejected (not a DOI; paper kept, doi null): ${report.doiRejected.length}`)
  for (const d of report.doiRejected) log(`  ${d.key}: ${JSON.stringify(d.raw)}`)
  log(`DOIs taken from a doi.org url field (no valid doi field): ${report.doiFromUrl.length}`)
  for (const d of report.doiFromUrl) log(`  ${d.key}: ${d.doi}`)
  log(`DOI shared by papers with different titles (DOI kept on first key, dropped on the other): ${report.doiConflicts.length}`)
  for (const c of report.doiConflicts) log(`  ${c.doi}: kept on ${c.kept_on} (${JSON.stringify(c.kept_title)}), dropped from ${c.dropped_from} (${JSON.stringify(c.dropped_title)})`)
  log(`same DOI, titles differ but compatible (merged): ${report.doiTitleVariants.length}`)
  for (const v of report.doiTitleVariants) log(`  ${v.doi}: ${v.a} ${JSON.stringify(v.titleA)} + ${v.b} ${JSON.stringify(v.titleB)}`)
  if (report.blockedMerges.length) { log(`merges blocked by conflicting DOI/arXiv id: ${report.blockedMerges.length}`); for (const b of report.blockedMerges) log(`  ${b.step} ${b.id}: ${b.a} vs ${b.b}`) }
  const poss = report.possibleDuplicates.filter((d) => !d.conflict)
  log(`possible duplicates NOT merged (same year, title similarity >= 0.9, no conflicting DOI/arXiv id; check by hand): ${poss.length}`)
  for (const d of poss) log(`  ${d.a} ~ ${d.b} (${d.year}, ${d.sim})`)
  if (report.eprintIgnored.length) { log(`eprint values not recognised as arXiv/preprint ids: ${report.eprintIgnored.length}`); for (const e of report.eprintIgnored) log(`  ${e.key}: ${JSON.stringify(e.raw)}`) }
  if (report.dateYearMismatch.length) { log(`date dropped (year differs from year field): ${report.dateYearMismatch.length}`); for (const d of report.dateYearMismatch) log(`  ${d.key}: year ${d.year}, date ${d.date}`) }
  log(`authors: "and others" dropped ${report.authorStats.others || 0}, equal-contribution "*" stripped ${report.authorStats.asterisks || 0}, "First~Last" names split ${report.authorStats.tildeNames || 0}`)
  if (report.unsupported.size) log(`unknown TeX commands dropped (argument kept as text): ${[...report.unsupported].sort().map(([k, v]) => `${k}×${v}`).join(', ')}`)
  if (report.duplicateSourceKeys) log(`WARNING duplicate source keys: ${report.duplicateSourceKeys.join(', ')}`)
}

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const sharedDir = path.resolve(process.argv[2] ?? path.join(here, '../../../shared/data'))
  const seedDir = path.resolve(process.argv[3] ?? path.join(here, '../main/resources/seed'))
  const result = convert(sharedDir, seedDir)
  const out = {
    generated_from: SOURCE_ORDER.filter((s) => result.papers.some((p) => p.sources.includes(s))),
    papers: result.papers,
  }
  fs.mkdirSync(seedDir, { recursive: true })
  const outFile = path.join(seedDir, 'papers.json')
  fs.writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n')
  printReport(result, outFile)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main()
