-- Likely duplicates by the parts of a name (issue 9's benchmark): a given name like the new
-- person's and a family name like theirs, either way round, read from one index whose scan
-- keeps only the rows matching both parts. The whole-name trigram index of 0006 matched every
-- person holding a common name anywhere in their names or aliases: about 2,900 rows for
-- "Hamid Hamid" at national scale, each read and compared twice (19 ms); both parts, 62.
CREATE INDEX "individual_name_parts_trgm_idx" ON "individual" USING gin (search_fold("given_name") gin_trgm_ops,search_fold("family_name") gin_trgm_ops);