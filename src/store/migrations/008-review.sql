-- Analysts' corrections, kept apart from what the pipeline extracted and applied on top of it, so
-- they survive re-extraction. Keyed by stable ids; `anchor` re-finds an event whose id changed.
create table corrections (
  id text primary key,
  target_kind text not null check (target_kind in ('event', 'cluster', 'site')),
  target_id text not null,
  article_id text,
  action text not null check (action in ('confirm', 'reject', 'edit', 'merge', 'split', 'set-status')),
  anchor jsonb,
  patch jsonb not null default '{}'::jsonb,
  note text,
  source text,
  author text not null,
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by text
);
create index corrections_target on corrections (target_kind, target_id);
create index corrections_article on corrections (article_id);

-- Every change people make, append-only: who, when, what, and the state before and after.
create table audit_log (
  seq bigserial primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  target_kind text not null,
  target_id text not null,
  before jsonb,
  after jsonb,
  note text
);

-- An event's extraction as the pipeline made it, kept when corrections change `data`; and the
-- review state analysts gave it (confirmed, rejected, edited).
alter table events add column extracted jsonb;
alter table events add column review text;
create index events_review on events (review);
