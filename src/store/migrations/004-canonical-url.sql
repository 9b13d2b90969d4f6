-- The canonical URL of each document, so the same page fetched twice (or as AMP) is stored once.
alter table documents add column canonical_url text;
create index documents_canonical_url on documents (canonical_url);
