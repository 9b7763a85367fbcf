// Tests for the pure helpers of papers.mjs. Run: node --test  (from src/seed-tools)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  normalizeDoi,
  extractArxivId,
  normalizeTitle,
  titleKey,
  titleSimilarity,
  titlesCompatible,
  latexToUnicode,
  cleanText,
  convertCreators,
  parseBib,
  unescapeScholar,
  tagsFor,
  recordFromEntry,
  newReport,
  mergeRecords,
  TAG_RULES,
  FAIRCHEM_CATEGORY_TAGS,
} from './papers.mjs'

test('normalizeDoi strips prefixes, lower-cases and validates', () => {
  assert.equal(normalizeDoi('10.1103/PhysRevLett.98.146401'), '10.1103/physrevlett.98.146401')
  assert.equal(normalizeDoi('https://doi.org/10.1103/PhysRevB.96.041119'), '10.1103/physrevb.96.041119')
  assert.equal(normalizeDoi('http://dx.doi.org/10.1021/acscatal.0c04525'), '10.1021/acscatal.0c04525')
  assert.equal(normalizeDoi('doi:10.17172/NOMAD/2017.04.13-1'), '10.17172/nomad/2017.04.13-1')
  assert.equal(normalizeDoi('  10.1016/S1359-6462(98)00290-5 '), '10.1016/s1359-6462(98)00290-5')
  assert.equal(normalizeDoi('10.1002/(SICI)1097-461X(2000)78:3<195::AID-QUA7>3.0.CO;2-G'), '10.1002/(sici)1097-461x(2000)78:3<195::aid-qua7>3.0.co;2-g')
  assert.equal(normalizeDoi('10.48550/arXiv.2410.12771'), '10.48550/arxiv.2410.12771')
})

test('normalizeDoi rejects values that are not DOIs', () => {
  assert.equal(normalizeDoi('094203'), null) // bare page number
  assert.equal(normalizeDoi('0.1103/PhysRevB.92.045131'), null) // leading 1 missing
  assert.equal(normalizeDoi('not available'), null)
  assert.equal(normalizeDoi(''), null)
  assert.equal(normalizeDoi(null), null)
  assert.equal(normalizeDoi('10.11/short-registrant'), null)
  assert.equal(normalizeDoi('10.1103/has space'), null)
})

test('extractArxivId handles eprint, journal, url and DOI forms, versionless', () => {
  assert.equal(extractArxivId('arXiv:2212.05517'), '2212.05517')
  assert.equal(extractArxivId('arXiv: 1903.10563'), '1903.10563')
  assert.equal(extractArxivId('arxiv:2101.03164v3'), '2101.03164')
  assert.equal(extractArxivId('arXiv:1412.6980'), '1412.6980')
  assert.equal(extractArxivId('arXiv:0910.1019'), '0910.1019') // 4-digit new style
  assert.equal(extractArxivId('arXiv preprint arXiv:2405.02078'), '2405.02078')
  assert.equal(extractArxivId('https://arxiv.org/abs/2212.12737'), '2212.12737')
  assert.equal(extractArxivId('http://arxiv.org/pdf/2106.08903v2.pdf'), '2106.08903')
  assert.equal(extractArxivId('10.48550/arXiv.2212.12737'), '2212.12737')
  assert.equal(extractArxivId('https://arxiv.org/abs/cond-mat/0501234v2'), 'cond-mat/0501234')
  assert.equal(extractArxivId('arXiv:physics.chem-ph/0501234'), null) // not a valid old-style form
  assert.equal(extractArxivId('arXiv:math.NA/0501234'), 'math.na/0501234')
})

test('extractArxivId accepts bare ids only when asked', () => {
  assert.equal(extractArxivId('2407.10844'), null)
  assert.equal(extractArxivId('2407.10844', { bare: true }), '2407.10844')
  assert.equal(extractArxivId('2407.10844v2', { bare: true }), '2407.10844')
  assert.equal(extractArxivId('ChemRxiv:2022-kn6ff', { bare: true }), null)
  assert.equal(extractArxivId('10.1103/physrevb.107.125160'), null)
  assert.equal(extractArxivId('1913.12345', { bare: true }), null) // month 13
})

test('normalizeTitle / titleKey ignore case, accents, markup, punctuation and hyphenation', () => {
  assert.equal(normalizeTitle('Roadmap on Machine learning in electronic structure'), normalizeTitle('Roadmap on Machine Learning in Electronic Structure'))
  assert.equal(normalizeTitle('<i>Ab initio</i> quality — Schrödinger'), 'ab initio quality schrodinger')
  assert.equal(normalizeTitle('SchNetPack 2.0: A neural network toolbox'), 'schnetpack 2 0 a neural network toolbox')
  assert.equal(titleKey('Multilayer atomic cluster expansion for semi-local interactions'), titleKey('Multilayer atomic cluster expansion for semilocal interactions'))
  assert.notEqual(titleKey('Reciprocal relations in irreversible processes. I.'), titleKey('Reciprocal relations in irreversible processes. II.'))
  assert.equal(normalizeTitle(null), '')
})

test('titleSimilarity and titlesCompatible', () => {
  assert.equal(titleSimilarity('A b c', 'a, B; c'), 1)
  assert.ok(titleSimilarity('Crystal Graph Convolutional Neural Networks for an Accurate and Interpretable Prediction of Material Properties',
    'Deep Potential Molecular Dynamics: a scalable model with the accuracy of quantum mechanics') < 0.5)
  const rec = (title, year, family) => ({ title, normTitle: normalizeTitle(title), titleKey: titleKey(title), year, authors: [{ family }] })
  assert.ok(titlesCompatible(rec('Unified Representation of Molecules and Crystals for Machine Learning', 2022, 'Huo'),
    rec('Unified representation of molecules and crystals for machine learning', 2022, 'Huo')))
  assert.ok(!titlesCompatible(rec('Crystal Graph Convolutional Neural Networks for an Accurate and Interpretable Prediction of Material Properties', 2018, 'Xie'),
    rec('Deep Potential Molecular Dynamics: a scalable model with the accuracy of quantum mechanics', 2018, 'Zhang')))
})

test('LaTeX to Unicode', () => {
  assert.equal(latexToUnicode('Sch{\\"u}tt'), 'Schütt')
  assert.equal(latexToUnicode('J{\\"o}rg Behler'), 'Jörg Behler')
  assert.equal(latexToUnicode('G{\\\'a}bor Cs{\\\'a}nyi'), 'Gábor Csányi')
  assert.equal(latexToUnicode('Vladim{\\\'{\\i}}r'), 'Vladimír')
  assert.equal(latexToUnicode('Krupi{\\vc}ka'), 'Krupička') // {\vc} written without braces in babel.bib
  assert.equal(latexToUnicode('Jens J{\\o}rgen'), 'Jens Jørgen')
  assert.equal(latexToUnicode('{SchNetPack~2.0}: A toolbox'), 'SchNetPack 2.0: A toolbox')
  assert.equal(latexToUnicode('HO$_2$ and \\textit{ab initio}'), 'HO₂ and ab initio')
  assert.equal(latexToUnicode('{($\\tilde{A}$)} state'), '(Ã) state')
})

test('unescapeScholar undoes Google Scholar escaping', () => {
  assert.equal(unescapeScholar('$$\\backslash$nabla\\^{} 2$ DFT'), '$\\nabla^ 2$ DFT')
  assert.equal(latexToUnicode(unescapeScholar('$$\\backslash$nabla\\^{} 2$ DFT')), '∇² DFT')
})

test('cleanText removes markup and normalises whitespace', () => {
  assert.equal(cleanText('<i>Ab initio</i>  EELS'), 'Ab initio EELS')
  assert.equal(cleanText('SPA<sup>H</sup>M'), 'SPAHM')
  assert.equal(cleanText('Mn<sub>2</sub>O'), 'Mn₂O')
  assert.equal(cleanText('<a href="http://x">Kymatio</a>'), 'Kymatio')
  assert.equal(cleanText('Physical Review\u00A0B'), 'Physical Review B')
  assert.equal(cleanText('   '), null)
})

test('authors: natural order, given/family, collaborations, "others", asterisks, ties', () => {
  const lib = parseBib(`@article{k, author = {Sch{\\"u}tt, K. T. and von Lilienfeld, O. Anatole and {The MACE Collaboration} and Chanussot*, Lowik and Thomas F. {Miller III} and Mart{\\'{i}}n~Abadi and others}, title = {t}}`)
  const stats = {}
  const authors = convertCreators(lib.entries[0].fields.author, stats)
  assert.deepEqual(authors[0], { name: 'K. T. Schütt', given: 'K. T.', family: 'Schütt' })
  assert.deepEqual(authors[1], { name: 'O. Anatole von Lilienfeld', given: 'O. Anatole', family: 'von Lilienfeld' })
  assert.deepEqual(authors[2], { name: 'The MACE Collaboration', given: null, family: null })
  assert.deepEqual(authors[3], { name: 'Lowik Chanussot', given: 'Lowik', family: 'Chanussot' })
  assert.equal(authors[4].name, 'Thomas F. Miller III')
  assert.deepEqual(authors[5], { name: 'Martín Abadi', given: 'Martín', family: 'Abadi' })
  assert.equal(authors.length, 6)
  assert.equal(stats.others, 1)
  assert.equal(stats.asterisks, 1)
})

test('@string macros are expanded and records are built without inventing values', () => {
  const bib = `@string(PhysRevB="Physical Review~B")
@article{a1, author = "J{\\"o}rg Behler", title = "{A} test of {DFT}", journal = PhysRevB, year = 2017, date = "2017-03-03", doi = "094203"}
@preprint{a2, author = "A B", title = "T", eprint = "arXiv:2212.05517", year = 2022, url = "https://arxiv.org/abs/2212.05517"}`
  const report = newReport()
  const recs = parseBib(bib).entries.map((e) => recordFromEntry(e, 'doctor-archive', `doctor-archive:${e.key}`, report))
  assert.equal(recs[0].venue, 'Physical Review B')
  assert.equal(recs[0].title, 'A test of DFT')
  assert.equal(recs[0].doi, null)
  assert.deepEqual(report.doiRejected, [{ key: 'doctor-archive:a1', raw: '094203' }])
  assert.equal(recs[0].year, 2017)
  assert.equal(recs[0].date, '2017-03-03')
  assert.equal(recs[0].volume, null)
  assert.equal(recs[1].arxiv_id, '2212.05517')
  assert.equal(recs[1].date, null) // year only -> no date
  assert.equal(recs[1].entry_type, 'preprint')
})

test('merging: same DOI with different titles keeps the DOI on the first key only', () => {
  const bib = `@article{zhwce2018q, author = "Linfeng Zhang", title = "Deep Potential Molecular Dynamics: a scalable model with the accuracy of quantum mechanics", year = 2018, doi = "10.1103/physrevlett.120.145301"}
@article{xg2018Aq, author = "Tian Xie", title = "Crystal Graph Convolutional Neural Networks for an Accurate and Interpretable Prediction of Material Properties", year = 2018, doi = "10.1103/PhysRevLett.120.145301"}
@article{tlmr2022q, author = "Hanna T{\\"u}rk", title = "Assessing Deep Generative Models in Chemical Composition Space", year = 2022, doi = "10.1021/acs.chemmater.2c01860"}
@article{tlmr2022a, author = "Hanna T{\\"u}rk", title = "Assessing deep generative models in chemical composition space", year = 2022, doi = "10.1021/acs.chemmater.2c01860"}`
  const report = newReport()
  const recs = parseBib(bib).entries.map((e) => recordFromEntry(e, 'doctor-archive', `doctor-archive:${e.key}`, report))
  const groups = mergeRecords(recs, report)
  assert.equal(groups.length, 3)
  const withDoi = recs.filter((r) => r.doi === '10.1103/physrevlett.120.145301')
  assert.deepEqual(withDoi.map((r) => r.citekey), ['xg2018Aq'])
  assert.equal(report.doiConflicts.length, 1)
  assert.equal(report.doiConflicts[0].dropped_from, 'doctor-archive:zhwce2018q')
})

test('tag rules use a readable table and only mapped slugs', () => {
  assert.ok(TAG_RULES.every(([re, slug]) => re instanceof RegExp && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)))
  assert.deepEqual(tagsFor('E(3)-equivariant message passing for thermal conductivity'), ['equivariance', 'message-passing', 'thermal-transport'])
  assert.deepEqual(tagsFor('Gaussian process regression with active learning'), ['active-learning', 'kernel-methods'])
  assert.deepEqual(tagsFor('Vegard\'s law'), [])
  assert.deepEqual(tagsFor('X', ['transfer strategies']), ['transfer-learning'])
  assert.deepEqual(tagsFor('Metadynamics and coarse-grained models', [], new Set(['coarse-graining'])), ['coarse-graining'])
  assert.ok(Object.values(FAIRCHEM_CATEGORY_TAGS).flat().every((s) => typeof s === 'string'))
})
