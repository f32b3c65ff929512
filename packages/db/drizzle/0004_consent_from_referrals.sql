-- Placeholder until this migration is written.
SELECT 1;
