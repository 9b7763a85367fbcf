// node --test  (pure helpers of methods.mjs)
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  arxivIdFrom, buildMethods, chooseMatbenchYear, cleanText, fairchemModelSlug, firstSentence, licenceName,
  normalizeDoi, paperFromLink, parseMermaid, parseSourcesMd, slugify, splitMermaidLabel, subgraphYears,
  trainingSetSlug, REQUIRED_SLUGS, SLUG_RE, FAMILIES,
} from './methods.mjs';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

test('slugify follows the datasets.yml naming rule', () => {
  assert.equal(slugify('MP 2022'), 'mp-2022');
  assert.equal(slugify('OMat24'), 'omat24');
  assert.equal(slugify('sAlex'), 'salex');
  assert.equal(slugify('OpenLAM'), 'openlam');
  assert.equal(slugify('MDR-MP PBE ω_q'), 'mdr-mp-pbe-omega-q');
  assert.equal(trainingSetSlug('Alex'), 'alexandria');
  assert.equal(trainingSetSlug('MPtrj'), 'mptrj');
});

test('DOIs are lower-cased, prefix-free and validated', () => {
  assert.equal(normalizeDoi('https://doi.org/10.48550/arXiv.2401.00096'), '10.48550/arxiv.2401.00096');
  assert.equal(normalizeDoi('doi:10.1103/PhysRevLett.98.146401'), '10.1103/physrevlett.98.146401');
  assert.equal(normalizeDoi('https://arxiv.org/abs/2401.00096'), null);
  assert.equal(normalizeDoi(null), null);
});

test('arXiv ids are versionless', () => {
  assert.equal(arxivIdFrom('https://arxiv.org/abs/2206.07697v2'), '2206.07697');
  assert.equal(arxivIdFrom('10.48550/arxiv.2410.12771'), '2410.12771');
  assert.equal(arxivIdFrom('https://arxiv.org/abs/cond-mat/0501234'), 'cond-mat/0501234');
  assert.equal(arxivIdFrom('https://nature.com/articles/x'), null);
});

test('paper links become {doi, arxiv_id, url}', () => {
  assert.deepEqual(paperFromLink('https://doi.org/10.1103/PhysRevLett.98.146401'), { doi: '10.1103/physrevlett.98.146401', arxiv_id: null, url: null });
  assert.deepEqual(paperFromLink('https://arxiv.org/abs/1802.08219'), { doi: null, arxiv_id: '1802.08219', url: null });
  assert.deepEqual(paperFromLink('https://doi.org/10.48550/arXiv.1706.08566'), { doi: '10.48550/arxiv.1706.08566', arxiv_id: '1706.08566', url: null });
  assert.deepEqual(paperFromLink('https://pubs.acs.org/doi/10.1021/acs.jctc.4c00190'), { doi: '10.1021/acs.jctc.4c00190', arxiv_id: null, url: null });
  assert.deepEqual(paperFromLink('https://onlinelibrary.wiley.com/doi/full/10.1002/qua.24890'), { doi: '10.1002/qua.24890', arxiv_id: null, url: null });
  assert.deepEqual(paperFromLink('https://www.nature.com/articles/s41598-024-62242-5'), { doi: null, arxiv_id: null, url: 'https://www.nature.com/articles/s41598-024-62242-5' });
});

test('mermaid parsing: declarations, inline labels, chains, clicks, subgraphs', () => {
  const md = [
    '```mermaid',
    'flowchart LR',
    '    subgraph "2007"',
    '        BP["Behler-Parrinello NN<br/>(Atomized Energy)"]',
    '    end',
    '    subgraph "2010 - 2019"',
    '        SOAP[SOAP]',
    '        CACE',
    '    end',
    '    %% Edges',
    '    BP --> ANI --> ANI2x --> AIMNet2',
    '    G-CNNs["G-CNNs<br/>Equivariance"] --> TFN',
    '    MACE --> MACE-MP --> GRACE',
    '    classDef universal fill:#be185d',
    '    class BP,ANI architecture',
    '    click BP "https://doi.org/10.1103/PhysRevLett.98.146401"',
    '    click NEP89 "https://arxiv.org/abs/2504.21286"',
    '```',
  ].join('\n');
  const { nodes, edges, clicks } = parseMermaid(md);
  assert.deepEqual(edges, [['BP', 'ANI'], ['ANI', 'ANI2x'], ['ANI2x', 'AIMNet2'], ['G-CNNs', 'TFN'], ['MACE', 'MACE-MP'], ['MACE-MP', 'GRACE']]);
  assert.equal(nodes.get('BP').label, 'Behler-Parrinello NN<br/>(Atomized Energy)');
  assert.equal(nodes.get('BP').subgraph, '2007');
  assert.equal(nodes.get('SOAP').subgraph, '2010 - 2019');
  assert.ok(nodes.has('CACE'));
  assert.equal(nodes.get('G-CNNs').label, 'G-CNNs<br/>Equivariance');
  assert.ok(!nodes.has('universal'));
  assert.equal(clicks.get('NEP89'), 'https://arxiv.org/abs/2504.21286');
  assert.ok(!nodes.has('NEP89'));
  assert.deepEqual(splitMermaidLabel('Behler-Parrinello NN<br/>(Atomized Energy)'), { name: 'Behler-Parrinello NN', detail: 'Atomized Energy' });
  assert.deepEqual(subgraphYears('2007'), { from: 2007, to: 2007 });
  assert.deepEqual(subgraphYears('2024 - '), { from: 2024, to: null });
});

test('year choice for Matbench models', () => {
  // paper_published of the architecture paper, older than the model: earliest model date wins
  assert.deepEqual(chooseMatbenchYear({ paperPublished: '2022-05-13', benchmarkAdded: '2023-07-14', arxivId: '2401.00096', arenaDate: '2023-12-29' }), { year: 2023, basis: 'benchmark_added' });
  // consistent paper_published
  assert.equal(chooseMatbenchYear({ paperPublished: '2017-10-27', benchmarkAdded: '2022-12-28', arxivId: '1710.10324' }).year, 2017);
  // model released before its paper: paper_published ≈ benchmark_added → kept
  assert.equal(chooseMatbenchYear({ paperPublished: '2025-03-13', benchmarkAdded: '2025-03-13', arxivId: '2603.02002' }).year, 2025);
  assert.equal(chooseMatbenchYear({ paperPublished: null, benchmarkAdded: '2025-03-14', arxivId: '2506.01686' }).year, 2025);
});

test('text cleaning and licences', () => {
  assert.equal(cleanText('GemNet-OC <br><sub><sup>(trained with `enforce_max_neighbors_strictly=False`, [#467](https://x))</sup></sub>'),
    'GemNet-OC (trained with enforce_max_neighbors_strictly=False, #467)');
  assert.equal(cleanText('EquiformerV2 ($\\lambda_E$=4, $\\lambda_F$=100)'), 'EquiformerV2 (λ_E=4, λ_F=100)');
  assert.equal(firstSentence('We tested BERT on IS2RE.'), null);
  assert.equal(firstSentence('ORB is a model. It is fast.'), 'ORB is a model.');
  assert.equal(licenceName('https://github.com/x/LICENSE'), null);
  assert.equal(licenceName('MIT'), 'MIT');
  assert.equal(fairchemModelSlug('DimeNet++-Large'), 'dimenet-pp');
  assert.equal(fairchemModelSlug('DimeNet'), 'dimenet');
  assert.equal(fairchemModelSlug('eSCN-L6-M2-Lay12'), 'escn');
  assert.equal(fairchemModelSlug('SCN-t4-b2'), 'scn');
  assert.equal(fairchemModelSlug('EquiformerV2 (153M)'), 'equiformer-v2');
  assert.equal(fairchemModelSlug('Gemnet-OC'), 'gemnet-oc');
});

test('SOURCES.md parsing', () => {
  const md = '## 1. matbench-discovery/ — x\n\n- Repository: `janosh/matbench-discovery`\n- Commit: `2c7f9fc42d018711dc2f5df573d225ea6d2d17b2` (2026-07-16)\n';
  assert.deepEqual(parseSourcesMd(md)['matbench-discovery'], { repository: 'janosh/matbench-discovery', commit: '2c7f9fc42d018711dc2f5df573d225ea6d2d17b2', commit_date: '2026-07-16' });
});

test('full build on the shared data (skipped when absent)', { skip: !fs.existsSync(path.join(SHARED, 'SOURCES.md')) }, () => {
  const a = buildMethods(SHARED).doc;
  const b = buildMethods(SHARED).doc;
  assert.equal(JSON.stringify(a), JSON.stringify(b), 'deterministic');
  const slugs = new Set(a.methods.map((m) => m.slug));
  assert.ok(a.methods.length >= 60);
  for (const s of REQUIRED_SLUGS) assert.ok(slugs.has(s), `missing ${s}`);
  for (const m of a.methods) {
    assert.match(m.slug, SLUG_RE);
    assert.ok(FAMILIES.has(m.family), `${m.slug} family ${m.family}`);
    for (const p of m.derived_from) assert.ok(slugs.has(p), `${m.slug} → ${p}`);
    if (m.paper?.doi) assert.match(m.paper.doi, /^10\.\d{4,9}\/\S+$/);
  }
  const get = (s) => a.methods.find((m) => m.slug === s);
  assert.ok(get('mace-mp-0').aliases.includes('MACE-MP(M)'));
  assert.ok(get('mace-mp-0').derived_from.includes('mace'));
  assert.ok(get('nequip-oam-l-0.1').derived_from.includes('nequip'));
  assert.ok(get('eqv2-m-omat-salex-mp').derived_from.includes('equiformer-v2'));
  assert.equal(get('mace-mp-0').parameter_count, 4688656);
});
