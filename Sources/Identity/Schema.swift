import Storage

/// The Identity module's tables: companies (tenants), their users, roles and the permissions
/// granted to each role, sessions, API tokens and sign-in attempts. Every table is keyed by
/// `tenant_id` first; a company's own row has `id = tenant_id`.
enum IdentitySchema {
  static let module = "identity"

  static let migrations: [Migration] = [
    Migration(
      module: module, number: 1, name: "companies_users_roles",
      sql: """
        CREATE TABLE tenants (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          slug TEXT NOT NULL,
          name TEXT NOT NULL,
          short_name TEXT NOT NULL,
          credit_code TEXT,
          address TEXT NOT NULL,
          taxpayer_kind TEXT NOT NULL,
          time_zone TEXT NOT NULL,
          default_locale TEXT NOT NULL,
          trial_ends_at BIGINT,
          trial_extended INTEGER NOT NULL,
          two_factor_required INTEGER NOT NULL,
          created_at BIGINT NOT NULL,
          version BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX tenants_slug ON tenants (slug);
        CREATE TABLE users (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          login TEXT NOT NULL,
          display_name TEXT NOT NULL,
          email TEXT,
          password_hash TEXT NOT NULL,
          locale TEXT,
          active INTEGER NOT NULL,
          totp_secret TEXT,
          totp_last_step BIGINT,
          customer_id BIGINT,
          created_at BIGINT NOT NULL,
          version BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX users_login ON users (tenant_id, login);
        CREATE TABLE roles (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          builtin INTEGER NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX roles_code ON roles (tenant_id, code);
        CREATE TABLE role_permissions (
          tenant_id BIGINT NOT NULL,
          role_id BIGINT NOT NULL,
          permission TEXT NOT NULL,
          PRIMARY KEY (tenant_id, role_id, permission)
        );
        CREATE TABLE user_roles (
          tenant_id BIGINT NOT NULL,
          user_id BIGINT NOT NULL,
          role_id BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, user_id, role_id)
        );
        """),
    Migration(
      module: module, number: 2, name: "sessions_tokens_attempts",
      sql: """
        CREATE TABLE sessions (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          user_id BIGINT NOT NULL,
          token_hash TEXT NOT NULL,
          csrf_token TEXT NOT NULL,
          stage TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          last_seen_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL,
          ended_at BIGINT,
          client_address TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX sessions_token ON sessions (tenant_id, token_hash);
        CREATE INDEX sessions_user ON sessions (tenant_id, user_id);
        CREATE TABLE api_tokens (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          user_id BIGINT NOT NULL,
          name TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          scopes TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          expires_at BIGINT,
          revoked_at BIGINT,
          last_used_at BIGINT,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (tenant_id, token_hash);
        CREATE TABLE login_attempts (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          login TEXT NOT NULL,
          client_address TEXT NOT NULL,
          succeeded INTEGER NOT NULL,
          attempted_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        CREATE INDEX login_attempts_login ON login_attempts (tenant_id, login, attempted_at);
        CREATE INDEX login_attempts_address
          ON login_attempts (tenant_id, client_address, attempted_at);
        """),
    Migration(
      module: module, number: 3, name: "company_logos",
      sqlite: """
        CREATE TABLE company_logos (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          content_type TEXT NOT NULL,
          image BLOB NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        ALTER TABLE tenants ADD COLUMN logo_updated_at BIGINT;
        """,
      postgres: """
        CREATE TABLE company_logos (
          tenant_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          content_type TEXT NOT NULL,
          image BYTEA NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (tenant_id, id)
        );
        ALTER TABLE tenants ADD COLUMN logo_updated_at BIGINT;
        """),
    IdentityGenerations.migration,
    IdentityGenerations.tokenMigration,
  ]
}
