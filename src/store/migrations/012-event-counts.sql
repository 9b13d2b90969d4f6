-- Answering GET /api/events on a large database without visiting the wide event rows: a revision
-- that changes with every write to events or corrections and the number of events not rejected,
-- both kept by triggers in the writing transaction; each event's independent sources as computed
-- at a revision; and indexes from which a filter's matches are counted without reading the table.

create table event_state (
  singleton boolean primary key default true check (singleton),
  -- Changes with every statement that writes events or corrections (what clusters are made of).
  revision bigint not null,
  -- Events not rejected: the total of a query with no filter.
  live bigint not null,
  -- The revision `event_sources` was computed at; it holds only while equal to `revision`.
  sources_revision bigint
);
insert into event_state (revision, live)
select 1, count(*) from events where review is distinct from 'rejected';

create function event_state_track() returns trigger language plpgsql as $$
declare
  delta bigint := 0;
begin
  if tg_table_name = 'events' then
    if tg_op in ('INSERT', 'UPDATE') then
      delta := delta + (select count(*) from added where review is distinct from 'rejected');
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
      delta := delta - (select count(*) from removed where review is distinct from 'rejected');
    end if;
  end if;
  update event_state set revision = revision + 1, live = live + delta;
  return null;
end $$;

create trigger events_state_insert after insert on events
  referencing new table as added for each statement execute function event_state_track();
create trigger events_state_update after update on events
  referencing old table as removed new table as added
  for each statement execute function event_state_track();
create trigger events_state_delete after delete on events
  referencing old table as removed for each statement execute function event_state_track();
create trigger corrections_state after insert or update or delete on corrections
  for each statement execute function event_state_track();

-- The independent sources (lineages) of each listed event's cluster, written by the server when it
-- clusters the events (src/server/cluster-cache.ts), so `minSources` is an index condition.
create table event_sources (
  event_id text primary key,
  lineages integer not null
);
create index event_sources_lineages on event_sources (lineages);

-- Counting a filter's matches reads only the index when it also holds the review state; a page
-- walks the newest-first index past the events other filters leave out without reading the table,
-- and the map's points (GET /api/event-points) come from it whole.
drop index events_time_order;
create index events_time_order on events (time_start desc, id)
  include (review, type, site_id, modality, lon, lat, time_end, article_id);
drop index events_type;
create index events_type on events (type) include (review);
drop index events_site;
create index events_site on events (site_id) include (review);
drop index events_lon_lat;
create index events_lon_lat on events (lon, lat) include (review);
drop index events_span;
create index events_span on events
  using gist (event_span(least(time_start, time_end), greatest(time_start, time_end), '[]'))
  include (id, time_start, time_end, review);

-- Text search by words (`q`): the sentence's words, lower-cased with PostgreSQL's built-in Unicode
-- case mapping, in a GIN index that finds and counts the matches without reading every sentence
-- (a search for text inside words had to).
alter table events drop column search_text;
alter table events add column search_words tsvector
  generated always as (to_tsvector('simple', lower((data ->> 'sentence') collate pg_c_utf8))) stored;
create index events_search_words on events using gin (search_words) with (fastupdate = off);

-- GIN's pending list (new entries kept unsorted until a vacuum merges them) is read in full by
-- every search: on a busy database that cost more than adding each event's entries at once.
alter index events_actor_ids set (fastupdate = off);
select gin_clean_pending_list('events_actor_ids'::regclass);
