-- drizzle-kit does not emit CREATE EXTENSION; search needs trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
