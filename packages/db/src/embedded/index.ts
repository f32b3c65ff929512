export {
  startEmbeddedServer,
  embeddedUrl,
  EmbeddedServerError,
  DEFAULT_MAX_CONNECTIONS,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from "./server";
export { defaultPgliteDir, localDataRoot, repoRoot } from "./paths";
export { isPortFree } from "./ports";
