import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AdminRouter, WebRouter } from "./root";

export { adminRouter, webRouter, type AdminRouter, type WebRouter } from "./root";
export { createHealthHandler, createTRPCFetchHandler, type TRPCFetchHandler } from "./http";
export { createExtractHandler } from "./extract-http";
export { createTRPCContext, createCallerFactory, type Context } from "./trpc";
export { AppError, type AppErrorCode } from "./errors";
export { can, type Action } from "./policy";
export { PURPOSE_COOKIE, purposeSchema, type Purpose } from "./purpose";

export type WebRouterInputs = inferRouterInputs<WebRouter>;
export type WebRouterOutputs = inferRouterOutputs<WebRouter>;
export type AdminRouterInputs = inferRouterInputs<AdminRouter>;
export type AdminRouterOutputs = inferRouterOutputs<AdminRouter>;
