-- Filtering and paging events in SQL (GET /api/events): newest first with its tie-break (review
-- included, so a deep page need not visit the rows), a box, any of several actors, text in the
-- sentence, and overlap with a date range.
drop index if exists events_time_start;
create index events_time_order on events (time_start desc, id) include (review);
create index events_lon_lat on events (lon, lat);

-- The ids of an event's actors, in any role, as a JSON array: `?|` finds any of several actors.
alter table events add column actor_ids jsonb
  generated always as (jsonb_path_query_array(data, '$.actors[*].id')) stored;
create index events_actor_ids on events using gin (actor_ids);

-- The sentence in lower case for case-insensitive search; pg_c_utf8 is PostgreSQL's built-in
-- Unicode case mapping, the same on every server whatever its locale (PostgreSQL 17 or newer).
alter table events add column search_text text
  generated always as (lower((data ->> 'sentence') collate pg_c_utf8)) stored;

-- An event's interval as a range of its ISO start and end texts (byte order, as ISO dates sort),
-- so a date-range filter finds the overlapping events through one index instead of a scan.
create type event_span as range (subtype = text, collation = "C");
create index events_span on events
  using gist (event_span(least(time_start, time_end), greatest(time_start, time_end), '[]'));
