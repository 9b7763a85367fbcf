-- The knowledge model: sources, tags, papers and authors, methods, datasets, benchmark results,
-- articles, and the links between them. Natural keys (slug, seed_key, doi, arxiv_id) are unique
-- so that seed loading and imports can upsert instead of duplicating.

CREATE TABLE source (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    repository   text,
    commit_sha   text,
    licence      text NOT NULL,
    licence_url  text,
    url          text,
    description  text NOT NULL
);

CREATE TABLE tag (
    slug         text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    label        text NOT NULL,
    parent_slug  text REFERENCES tag (slug)
);
CREATE INDEX tag_parent_idx ON tag (parent_slug);

CREATE TABLE author (
    id               bigserial PRIMARY KEY,
    name             text NOT NULL,
    normalized_name  text NOT NULL UNIQUE,
    orcid            text UNIQUE CHECK (orcid ~ '^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$')
);

CREATE TABLE paper (
    id           bigserial PRIMARY KEY,
    seed_key     text UNIQUE,
    entry_type   text NOT NULL,
    title        text NOT NULL,
    abstract     text,
    year         integer CHECK (year BETWEEN 1000 AND 2999),
    date         text CHECK (date ~ '^\d{4}(-\d{2}(-\d{2})?)?$'),
    venue        text,
    volume       text,
    number       text,
    pages        text,
    publisher    text,
    doi          text UNIQUE CHECK (doi ~ '^10\.\d{4,9}/\S+$' AND doi = lower(doi)),
    arxiv_id     text UNIQUE,
    url          text,
    code_url     text,
    added_at     timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paper_year_idx ON paper (year, id);
CREATE INDEX paper_added_idx ON paper (added_at, id);
CREATE INDEX paper_title_idx ON paper (lower(title), id);
CREATE INDEX paper_venue_idx ON paper (lower(venue));
CREATE INDEX paper_has_code_idx ON paper (id) WHERE code_url IS NOT NULL;

CREATE TABLE paper_author (
    paper_id         bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    author_id        bigint NOT NULL REFERENCES author (id),
    name_as_written  text NOT NULL,
    PRIMARY KEY (paper_id, position)
);
CREATE INDEX paper_author_author_idx ON paper_author (author_id);

CREATE TABLE paper_tag (
    paper_id  bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    tag_slug  text NOT NULL REFERENCES tag (slug),
    PRIMARY KEY (paper_id, tag_slug)
);
CREATE INDEX paper_tag_tag_idx ON paper_tag (tag_slug);

CREATE TABLE paper_source (
    paper_id    bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    source_id   text NOT NULL REFERENCES source (id),
    source_key  text NOT NULL,
    PRIMARY KEY (paper_id, source_id, source_key)
);

CREATE TABLE dataset (
    id               bigserial PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    name             text NOT NULL,
    aliases          text[] NOT NULL DEFAULT '{}',
    description      text,
    domain           text NOT NULL CHECK (domain IN ('small-molecules', 'materials', 'catalysis',
                         'biomolecules', 'liquids', 'amorphous', 'surfaces', 'mixed')),
    level_of_theory  text,
    n_structures     bigint,
    n_materials      bigint,
    size_note        text,
    licence          text,
    url              text,
    paper_id         bigint REFERENCES paper (id) ON DELETE SET NULL,
    paper_doi        text,
    paper_arxiv_id   text,
    added_at         timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dataset_domain_idx ON dataset (domain);
CREATE INDEX dataset_paper_idx ON dataset (paper_id);

CREATE TABLE dataset_subset (
    id               bigserial PRIMARY KEY,
    dataset_id       bigint NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    name             text NOT NULL,
    description      text,
    level_of_theory  text,
    temperature_k    numeric,
    n_structures     bigint,
    UNIQUE (dataset_id, slug)
);

CREATE TABLE dataset_source (
    dataset_id  bigint NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    source_id   text NOT NULL REFERENCES source (id),
    PRIMARY KEY (dataset_id, source_id)
);

CREATE TABLE method (
    id               bigserial PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    name             text NOT NULL,
    aliases          text[] NOT NULL DEFAULT '{}',
    family           text NOT NULL CHECK (family IN ('descriptor', 'descriptor-nn', 'kernel',
                         'linear', 'message-passing', 'equivariant-message-passing',
                         'transformer', 'universal', 'other')),
    description      text,
    year             integer,
    paper_id         bigint REFERENCES paper (id) ON DELETE SET NULL,
    paper_doi        text,
    paper_arxiv_id   text,
    paper_url        text,
    code_url         text,
    licence          text,
    parameter_count  bigint CHECK (parameter_count > 0),
    added_at         timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX method_family_idx ON method (family);
CREATE INDEX method_paper_idx ON method (paper_id);

-- Lineage: the child method is derived from the parent.
CREATE TABLE method_lineage (
    child_id   bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    parent_id  bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    PRIMARY KEY (child_id, parent_id),
    CHECK (child_id <> parent_id)
);
CREATE INDEX method_lineage_parent_idx ON method_lineage (parent_id);

CREATE TABLE method_source (
    method_id  bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    source_id  text NOT NULL REFERENCES source (id),
    PRIMARY KEY (method_id, source_id)
);

CREATE TABLE method_training_dataset (
    method_id   bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    dataset_id  bigint NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    PRIMARY KEY (method_id, dataset_id)
);
CREATE INDEX method_training_dataset_dataset_idx ON method_training_dataset (dataset_id);

-- Papers that introduce or use a method / dataset.
CREATE TABLE paper_method (
    paper_id   bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    method_id  bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    relation   text NOT NULL CHECK (relation IN ('introduces', 'uses')),
    PRIMARY KEY (paper_id, method_id)
);
CREATE INDEX paper_method_method_idx ON paper_method (method_id);

CREATE TABLE paper_dataset (
    paper_id    bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    dataset_id  bigint NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    relation    text NOT NULL CHECK (relation IN ('introduces', 'uses')),
    PRIMARY KEY (paper_id, dataset_id)
);
CREATE INDEX paper_dataset_dataset_idx ON paper_dataset (dataset_id);

CREATE TABLE benchmark_result (
    id                bigserial PRIMARY KEY,
    seed_key          text UNIQUE,
    method_id         bigint NOT NULL REFERENCES method (id),
    method_variant    text,
    dataset_id        bigint NOT NULL REFERENCES dataset (id),
    subset_id         bigint REFERENCES dataset_subset (id),
    task              text NOT NULL,
    target            text NOT NULL,
    metric            text NOT NULL,
    value             numeric NOT NULL,
    unit              text NOT NULL,
    canonical_value   numeric NOT NULL,
    canonical_unit    text NOT NULL,
    basis             text NOT NULL CHECK (basis IN ('per-atom', 'per-structure', 'none')),
    n_train           integer CHECK (n_train > 0),
    split             text,
    uncertainty       numeric CHECK (uncertainty >= 0),
    n_runs            integer CHECK (n_runs > 0),
    temperature_k     numeric,
    level_of_theory   text,
    status            text NOT NULL CHECK (status IN ('reported', 'reproduced', 'disputed')),
    reported_on       date,
    paper_id          bigint REFERENCES paper (id) ON DELETE SET NULL,
    source_id         text REFERENCES source (id),
    source_repository text,
    source_path       text,
    source_commit     text,
    source_location   text,
    added_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX benchmark_result_method_idx ON benchmark_result (method_id);
CREATE INDEX benchmark_result_board_idx ON benchmark_result (dataset_id, subset_id, target, metric);
CREATE INDEX benchmark_result_paper_idx ON benchmark_result (paper_id);

CREATE TABLE article (
    id                    bigserial PRIMARY KEY,
    slug                  text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'),
    title                 text NOT NULL,
    summary               text NOT NULL,
    body_markdown         text NOT NULL,
    body_html             text NOT NULL,
    authors               text[] NOT NULL DEFAULT '{}',
    status                text NOT NULL CHECK (status IN ('draft', 'published')),
    published_at          timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    reading_time_minutes  integer NOT NULL CHECK (reading_time_minutes > 0)
);
CREATE INDEX article_published_idx ON article (published_at DESC, id) WHERE status = 'published';

CREATE TABLE article_tag (
    article_id  bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_slug    text NOT NULL REFERENCES tag (slug),
    PRIMARY KEY (article_id, tag_slug)
);
CREATE INDEX article_tag_tag_idx ON article_tag (tag_slug);

CREATE TABLE article_paper (
    article_id  bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    paper_id    bigint NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, paper_id)
);

CREATE TABLE article_method (
    article_id  bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    method_id   bigint NOT NULL REFERENCES method (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, method_id)
);

CREATE TABLE article_dataset (
    article_id  bigint NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    dataset_id  bigint NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, dataset_id)
);
