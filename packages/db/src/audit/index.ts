export {
  verifyAccessLog,
  formatReport,
  AuditVerifyError,
  type ChainReport,
  type ChainLink,
  type BrokenLink,
  type VerifyOptions,
} from "./verify";
export { GENESIS_HASH, CHAINED_COLUMNS, canonicalText, rowHash, type ChainedRow } from "./chain";
