-- The language of each article, so non-English reports can be stored and flagged without extraction.
alter table articles add column language text;
