/**
 * Today on the programme's calendar (Europe/Stockholm), as a date input holds it
 * ("2026-01-31") and as the server's rules read "today" (the input schemas' `today` in
 * packages/api services/fields.ts is the same function): the latest day a form offers.
 */
export { programmeToday as today } from "@truce/db/programme-calendar";
