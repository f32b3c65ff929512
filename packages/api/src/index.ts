import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createHealthHandler, createTRPCFetchHandler } from "./http";
export { createTRPCContext, createCallerFactory, type Context } from "./trpc";
export { AppError, type AppErrorCode } from "./errors";
export { can, type Action } from "./policy";
export { PURPOSE_COOKIE, purposeSchema, type Purpose } from "./purpose";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
