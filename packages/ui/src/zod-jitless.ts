import { z } from "zod";

// Zod 4 compiles object schemas with `new Function` after probing whether eval is allowed.
// Under the apps' CSP (no 'unsafe-eval') the probe fails safely but is reported as a CSP
// violation on every page that validates a form; in the browser, parse without compiling.
if (typeof window !== "undefined") z.config({ jitless: true });
