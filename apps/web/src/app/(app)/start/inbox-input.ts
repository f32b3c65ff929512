/**
 * The inbox's first rows on the start page: the open referrals, newest first. In a module of
 * its own, since the server page prefetches with it and a client module's exports reach a
 * server component as references, not values.
 */
export const START_INBOX_INPUT = { box: "received", pageSize: 5 } as const;
