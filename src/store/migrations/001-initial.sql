-- Raw documents, kept as received so every later stage can be re-run when the pipeline improves.
create table documents (
  hash text primary key,
  origin text not null,
  url text,
  content_type text not null,
  content text not null,
  hints jsonb not null default '{}'::jsonb,
  received_at timestamptz not null default now()
);

-- One article per document: clean text and metadata.
create table articles (
  id text primary key,
  document_hash text not null unique references documents (hash) on delete cascade,
  title text not null,
  byline text,
  outlet text,
  url text,
  published text,
  published_at timestamptz,
  published_strategy text not null,
  text text not null,
  pipeline_version text not null,
  extracted_at timestamptz not null default now()
);

-- What the recognisers found: times, places and actors, each with offsets into the article text.
create table mentions (
  article_id text not null references articles (id) on delete cascade,
  seq integer not null,
  kind text not null check (kind in ('time', 'place', 'actor')),
  start_offset integer not null,
  end_offset integer not null,
  text text not null,
  value jsonb not null,
  primary key (article_id, seq)
);

-- The site registry: crossings from packs and sites users add.
create table sites (
  id text primary key,
  kind text not null,
  name text not null,
  names jsonb not null,
  countries jsonb not null,
  lat double precision not null,
  lon double precision not null,
  source text not null,
  origin text not null
);

-- Events read from one article; `data` holds the whole event, the columns are for filtering.
create table events (
  id text primary key,
  article_id text not null references articles (id) on delete cascade,
  type text not null,
  modality text not null,
  time_start text not null,
  time_end text not null,
  time_precision text not null,
  site_id text,
  lat double precision,
  lon double precision,
  geo_precision text,
  evidence_start integer not null,
  evidence_end integer not null,
  data jsonb not null
);
create index events_time_start on events (time_start);
create index events_type on events (type);
create index events_site on events (site_id);

-- Status facts about sites, each read from one event.
create table site_status (
  event_id text primary key references events (id) on delete cascade,
  site_id text not null,
  article_id text not null references articles (id) on delete cascade,
  status text,
  scope text not null,
  controller text,
  time_start text not null,
  time_end text not null,
  time_precision text not null,
  modality text not null,
  data jsonb not null
);
create index site_status_site on site_status (site_id, time_start);
