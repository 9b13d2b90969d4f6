-- Watched feeds: conditional-GET validators, health and back-off, one row per feed URL.
create table feeds (
  url text primary key,
  etag text,
  last_modified text,
  last_polled timestamptz,
  last_success timestamptz,
  last_error text,
  last_error_at timestamptz,
  consecutive_errors integer not null default 0,
  items_seen integer not null default 0,
  backoff_seconds integer not null default 0,
  next_poll timestamptz not null default now()
);

-- Every feed item ever taken in, keyed by its guid or link, so an item is never new twice.
create table feed_items (
  item_key text primary key,
  feed_url text not null,
  url text,
  first_seen timestamptz not null default now()
);
