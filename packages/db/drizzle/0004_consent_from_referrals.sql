-- Consent was a flag on each referral; it is its own record now (table "consent"), and the
-- visibility rules read only that. Each person whose consent stood on a referral gets one
-- record in force, decision 'given', from their latest such referral (latest day of consent,
-- then the latest written). A referral that was withdrawn or declined does not count: the
-- consent given for it went with it. The record is attributed to whoever wrote the referral
-- (its creator, else its last editor) as the referring agency; a referral with neither
-- cannot say who recorded the consent, so it gives none (the details stay unshared, the safe
-- side, until someone records the consent anew). The demo seed derives its consent records by
-- the same rule (packages/db/src/seed/outcomes-referrals.ts, buildConsents).
INSERT INTO "consent" (
	"individual_id",
	"decision",
	"decided_on",
	"recorded_by_id",
	"recorded_by_agency_id",
	"created_at",
	"updated_at",
	"created_by_id",
	"updated_by_id"
)
SELECT DISTINCT ON (r."individual_id")
	r."individual_id",
	'given'::"consent_decision",
	r."consent_on",
	coalesce(r."created_by_id", r."updated_by_id"),
	r."from_agency_id",
	r."created_at",
	r."created_at",
	coalesce(r."created_by_id", r."updated_by_id"),
	coalesce(r."created_by_id", r."updated_by_id")
FROM "referral" r
WHERE r."consent"
	AND r."consent_on" IS NOT NULL
	AND r."status" NOT IN ('withdrawn', 'declined')
	AND coalesce(r."created_by_id", r."updated_by_id") IS NOT NULL
	AND NOT EXISTS (
		SELECT 1 FROM "consent" c
		WHERE c."individual_id" = r."individual_id" AND c."withdrawn_at" IS NULL
	)
ORDER BY r."individual_id", r."consent_on" DESC, r."created_at" DESC, r."id" DESC;
