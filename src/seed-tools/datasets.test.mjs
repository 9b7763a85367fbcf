// node --test datasets.test.mjs
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  slugify, rstToText, latexToText, markdownToText, normalizeDoi, extractDoi, arxivIdFrom, makeRef,
  levelOfTheoryFromText, cleanDescription, naturalCompare, normTitle, parseFairchemSections, parseBibtex,
  SLUG_RE,
} from './datasets.mjs'

test('slugify: names from the sources', () => {
  assert.equal(slugify('MP 2022'), 'mp-2022')
  assert.equal(slugify('C-GAP-17'), 'c-gap-17')
  assert.equal(slugify('rMD17'), 'rmd17')
  assert.equal(slugify('sAlex Validation'), 'salex-validation')
  assert.equal(slugify('SiO2-GAP-22'), 'sio2-gap-22')
  assert.equal(slugify('MDR-MP PBE ω_q'), 'mdr-mp-pbe-omega-q')
  assert.equal(slugify('benzene_ccsd_t'), 'benzene-ccsd-t')
  assert.equal(slugify('  Crème -- brûlée!  '), 'creme-brulee')
  for (const s of ['MP 2022', 'MDR-MP PBE ω_q', 'a-Si-24', 'OC20']) assert.match(slugify(s), SLUG_RE)
})

test('latexToText: math used in load-atoms', () => {
  assert.equal(latexToText('\\omega'), 'ω')
  assert.equal(latexToText('\\text{GeTe} \\rightarrow \\text{Sb}_2\\text{Te}_3'), 'GeTe → Sb₂Te₃')
  assert.equal(latexToText("M_{16}^{''}"), "M₁₆''")
  assert.equal(latexToText('{}^{-3}'), '⁻³')
  assert.equal(latexToText('^3'), '³')
})

test('rstToText: roles, links, literals, escapes, line blocks', () => {
  assert.equal(
    rstToText('labelled with the :math:`\\omega`\\ B97x/6-31G(d) level of theory.'),
    'labelled with the ωB97x/6-31G(d) level of theory.',
  )
  assert.equal(rstToText('a subset of the :doc:`/datasets/ANI-1x` dataset'), 'a subset of the ANI-1x dataset')
  assert.equal(rstToText(':doc:`the ANI-1x data </datasets/ANI-1x>`'), 'the ANI-1x data')
  assert.equal(
    rstToText('train the `C-GAP-17 <https://doi.org/10.1103/PhysRevB.95.094203>`_ potential, see `SI <https://x.org/a>`__.'),
    'train the C-GAP-17 potential, see SI.',
  )
  assert.equal(rstToText('as implemented in :code:`CASTEP`'), 'as implemented in CASTEP')
  assert.equal(rstToText('dataset (``"iter-12-filtered"``)'), 'dataset ("iter-12-filtered")')
  assert.equal(rstToText('eV Å\\ :math:`{}^{-3}`'), 'eV Å⁻³')
  assert.equal(rstToText('| stress tensor (DFT)\n| (:code:`- virial / cell.volume`)\n'), 'stress tensor (DFT) (- virial / cell.volume)')
  assert.equal(rstToText(null), null)
})

test('markdownToText', () => {
  assert.equal(markdownToText('See [`a.b`](https://x.org/y) and [the paper](https://arxiv.org/abs/1).'), 'See a.b and the paper.')
  assert.equal(markdownToText('into .aselmbd files'), 'into .aselmbd files')
})

test('cleanDescription drops load-atoms processing sentences and stays short', () => {
  const t = 'Real dataset sentence. Internall, files are downloaded from FigShare. Energies have been converted from kcal/mol to eV.'
  assert.equal(cleanDescription(t), 'Real dataset sentence.')
  assert.equal(cleanDescription('No final period'), 'No final period.')
  const long = Array.from({ length: 20 }, (_, i) => `Sentence number ${i} is here.`).join(' ')
  assert.ok(cleanDescription(long).length <= 480)
  assert.equal(cleanDescription(''), null)
})

test('DOI normalisation', () => {
  assert.equal(normalizeDoi('https://doi.org/10.1038/S41524-020-00481-6'), '10.1038/s41524-020-00481-6')
  assert.equal(normalizeDoi('doi:10.1039/D2SC04326B'), '10.1039/d2sc04326b')
  assert.equal(normalizeDoi('https://doi.org/10.48550/arXiv.2410.12771'), '10.48550/arxiv.2410.12771')
  assert.equal(normalizeDoi('094203'), null)
  assert.equal(normalizeDoi('https://joss.theoj.org/papers/10.21105/joss.05388'), null)
  assert.equal(extractDoi('https://joss.theoj.org/papers/10.21105/joss.05388'), '10.21105/joss.05388')
  assert.equal(normalizeDoi(null), null)
})

test('arXiv ids', () => {
  assert.equal(arxivIdFrom('10.48550/arxiv.2410.12771'), '2410.12771')
  assert.equal(arxivIdFrom('arXiv preprint arXiv:2311.00341'), '2311.00341')
  assert.equal(arxivIdFrom('https://arxiv.org/abs/2010.09990v2'), '2010.09990')
  assert.equal(arxivIdFrom('cond-mat/0501234'), null)
  assert.equal(arxivIdFrom('arXiv:cond-mat/0501234'), 'cond-mat/0501234')
  assert.deepEqual(makeRef({ doi: 'https://doi.org/10.48550/arXiv.2503.04070' }), { doi: '10.48550/arxiv.2503.04070', arxiv_id: '2503.04070', url: null })
})

test('level of theory from load-atoms text', () => {
  assert.equal(levelOfTheoryFromText('re-labelled using the "gold standard" CCSD(T)/CBS level of theory'), 'CCSD(T)/CBS')
  assert.equal(levelOfTheoryFromText('labels using the ωB97x/6-31G(d) level of theory'), 'ωB97X/6-31G(d)')
  assert.equal(levelOfTheoryFromText('hybrid functional (PBE0).'), 'PBE0')
  assert.equal(levelOfTheoryFromText('DFT labels were generated using CASTEP with the PBE functional.'), 'PBE')
  assert.equal(levelOfTheoryFromText('total structure energy (DFT)'), null)
  assert.equal(levelOfTheoryFromText(null, 'force vectors (C-GAP-17)'), 'C-GAP-17 (ML potential)')
})

test('naturalCompare orders temperatures numerically', () => {
  assert.deepEqual(['test-1200k', 'test-300k', 'test-600k'].sort(naturalCompare), ['test-300k', 'test-600k', 'test-1200k'])
  assert.deepEqual(['b', 'a10', 'a9'].sort(naturalCompare), ['a9', 'a10', 'b'])
})

test('normTitle ignores case, braces and punctuation', () => {
  assert.equal(normTitle('Linear Atomic Cluster Expansion Force Fields for Organic Molecules: Beyond {RMSE}'),
    normTitle('Linear atomic cluster expansion force fields for organic molecules: beyond RMSE'))
})

test('parseBibtex keeps title and doi', () => {
  const [e] = parseBibtex('@article{k,\n  title = {\n    Machine Learning a General-Purpose Interatomic\n    Potential for Silicon\n  },\n  doi = {10.1103/PhysRevX.8.041048},\n}')
  assert.equal(e.key, 'k')
  assert.equal(e.doi, '10.1103/PhysRevX.8.041048')
  assert.equal(normTitle(e.title), normTitle('Machine Learning a General-Purpose Interatomic Potential for Silicon'))
})

test('parseFairchemSections: sections, licence, val-ID subsets', () => {
  const md = [
    '# Models', '', '# Open Catalyst 2020 (OC20)', '* For details, see [https://arxiv.org/abs/2010.09990](https://arxiv.org/abs/2010.09990) and https://x.org/DATASET.md.',
    '## S2EF models: optimized for EFwT', '| Model | val ID force MAE (eV / Å) | val ID EFwT |', '|---|---|---|', '| A | 0.1 | 1% |',
    '## IS2RE models', '| Model | val ID energy MAE |', '|---|---|',
    'The dataset is licensed under a [Creative Commons Attribution 4.0 License](https://x).',
    '## Open Direct Air Capture 2023 (ODAC23)', '## S2EF models', '| Model | Checkpoint |', '|---|---|',
    '```bibtex', '@article{odac, title = {T}, journal={arXiv preprint arXiv:2311.00341}}', '```',
  ].join('\n')
  const s = parseFairchemSections(md)
  assert.deepEqual(s.map((x) => x.abbr), ['OC20', 'ODAC23'])
  assert.equal(s[0].licence, 'CC-BY-4.0')
  assert.deepEqual(s[0].arxiv, ['2010.09990'])
  assert.equal(s[0].detailsUrl, 'https://x.org/DATASET.md')
  assert.deepEqual(s[0].subsets.map((x) => x.task), ['S2EF', 'IS2RE'])
  assert.deepEqual(s[1].subsets, [])
  assert.equal(s[1].bibtex.length, 1)
})
