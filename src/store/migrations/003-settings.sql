-- Bookkeeping the CLI keeps between runs, such as where an interrupted `reprocess --all` started.
create table settings (
  key text primary key,
  value text not null
);
