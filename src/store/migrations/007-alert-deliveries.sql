-- Webhook deliveries of alerts: one row per (hook, alert), retried with back-off until delivered.
create table alert_deliveries (
  hook_url text not null,
  alert_key text not null,
  payload jsonb not null,
  attempts integer not null default 0,
  next_attempt timestamptz not null default now(),
  delivered_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  primary key (hook_url, alert_key)
);
