/** Rows per page of the register, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;
