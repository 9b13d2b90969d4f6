-- Per-host politeness shared by every process on one database: the next moment a request to each
-- host may go out. Watchers and workers book their slot here, so N workers stay as polite as one.
create table host_slots (
  host text primary key,
  next_at timestamptz not null
);
