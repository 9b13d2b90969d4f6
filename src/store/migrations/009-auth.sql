-- People who may use the server, each with one role; disabled users keep their rows for the audit log.
create table users (
  id text primary key,
  name text not null unique,
  role text not null check (role in ('viewer', 'analyst', 'admin')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

-- API tokens: only a SHA-256 hash of each token is kept, never the token itself.
create table api_tokens (
  id text primary key,
  user_id text not null references users (id),
  label text,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

-- Web sessions made by signing in with a token: the cookie's hash, the CSRF token, an expiry. A
-- session ends with its token (revoked) or its user (disabled).
create table sessions (
  id_hash text primary key,
  user_id text not null references users (id),
  token_id text not null references api_tokens (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_expiry on sessions (expires_at);
