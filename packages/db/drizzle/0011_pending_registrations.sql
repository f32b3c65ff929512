-- The pending registrations by agency (issue 9's benchmark): the people out of another
-- agency's view of the register, few beside the approved ones, read from this index alone
-- and hashed once when a count of linked people leaves them out (the network picture's member
-- counts: 5,000 probes of the register become one read of this index).
CREATE INDEX "individual_pending_agency_idx" ON "individual" USING btree ("registering_agency_id","id") WHERE "individual"."registration_status" = 'pending';