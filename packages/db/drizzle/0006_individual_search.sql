-- Name and alias search at national scale (issue 8): a trigram index on a stored search
-- text, and an index in the register's default order.
--
-- pg_trgm is a contrib extension: in PostgreSQL's own packages (Debian's postgresql-15
-- includes it), and loaded by the embedded PGlite (src/embedded/server.ts). It is trusted,
-- so the owner that runs the migrations needs no superuser, only CREATE on the database,
-- which the database's owner has.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "individual" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- How a search folds case, on both sides (the stored text and the typed search): lower() by
-- ICU's root collation, whatever the database's own locale. Under a C locale (as initdb
-- --locale=C makes it) lower() changes ASCII letters only, and "örjan" would not find "Örjan".
-- PostgreSQL's packages are built with ICU, and so is PGlite.
CREATE FUNCTION search_fold(value text)
	RETURNS text
	LANGUAGE sql
	IMMUTABLE
	PARALLEL SAFE
	RETURN lower(value COLLATE "und-x-icu");--> statement-breakpoint
-- What a name search looks in (individual.searchText). A generated column may only use
-- IMMUTABLE functions; array_to_string is STABLE because an array of any type prints through
-- its type's output function, but for text it is fixed, so this function is immutable.
CREATE FUNCTION individual_search_text(given_name text, family_name text, aliases text[])
	RETURNS text
	LANGUAGE sql
	IMMUTABLE
	PARALLEL SAFE
	RETURN search_fold(array_to_string(ARRAY[given_name, family_name] || aliases, ' '));--> statement-breakpoint
ALTER TABLE "individual" ADD COLUMN "search_text" text GENERATED ALWAYS AS (individual_search_text("individual"."given_name", "individual"."family_name", "individual"."aliases")) STORED NOT NULL;--> statement-breakpoint
-- The trigram index serves prefix and equality searches too: these served only a prefix of
-- one name each, and no query used them.
DROP INDEX "individual_family_name_lower_idx";--> statement-breakpoint
DROP INDEX "individual_given_name_lower_idx";--> statement-breakpoint
CREATE INDEX "individual_search_trgm_idx" ON "individual" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "individual_name_order_idx" ON "individual" USING btree ("family_name","given_name","id");
