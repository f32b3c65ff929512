export {
  startPgServer,
  DEFAULT_PG_BIN_DIR,
  type PgServer,
  type PgServerOptions,
} from "./pg-server";
export { startDemoDatabase, type DemoDatabase } from "./demo-database";
export {
  createTestIndividual,
  createTestUser,
  demoAgencyId,
  testIndividualValues,
  uniqueTag,
  type TestIndividual,
  type TestIndividualOptions,
  type TestUser,
  type TestUserOptions,
} from "./factories";
export { refusal } from "./refusal";
export { rowsApart } from "./rows-apart";
