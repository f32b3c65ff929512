import { createHealthHandler } from "@truce/api";

// Asked at run time, never answered from the build.
export const dynamic = "force-dynamic";
export const GET = createHealthHandler();
