/**
 * Today as a date input holds it ("2026-01-31"), as the server's rules read "today" (the
 * input schemas' `today` in packages/api services/fields.ts): the latest day a form offers.
 */
export const today = () => new Date().toISOString().slice(0, 10);
