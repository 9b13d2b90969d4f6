-- Near-duplicate lineages: a wire story republished by many outlets is one lineage, one source.
alter table articles add column signature jsonb;
alter table articles add column lineage_id text;
create table article_bands (
  band_key text not null,
  article_id text not null references articles (id) on delete cascade,
  primary key (band_key, article_id)
);
