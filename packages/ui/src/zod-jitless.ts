import { config } from "zod/v4/core";

// Zod 4 compiles object schemas with `new Function` after probing whether eval is allowed.
// Under the apps' CSP (no 'unsafe-eval') the probe fails safely but is reported as a CSP
// violation on every page that validates a form; in the browser, parse without compiling.
// `config` from zod's core is the one `z.config` is (the same global settings), without
// pulling all of zod into a page that validates nothing (the page weight, bench/README.md).
if (typeof window !== "undefined") config({ jitless: true });
