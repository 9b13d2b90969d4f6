-- Sites analysts add to the registry, or their edits to a pack site (same id): kept apart from the
-- packs so a pack update never loses them. `data` is a validated SiteInput; removal deletes the row
-- (the audit log keeps what it was).
create table user_sites (
  id text primary key,
  data jsonb not null,
  author text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
