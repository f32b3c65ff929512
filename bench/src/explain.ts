import type { Sql } from "postgres";
import { isTransactionControl, type RecordedStatement } from "@truce/db/statements";

export interface StatementPlan {
  /** The statement, shortened for the table. */
  text: string;
  planningMs: number;
  executionMs: number;
  /** Each scan of the plan: its kind, table and index. */
  scans: string[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function scansOf(node: PlanNode, into: string[] = []): string[] {
  if (node["Node Type"].includes("Scan") && node["Relation Name"]) {
    const index = node["Index Name"] ? ` using ${node["Index Name"]}` : "";
    into.push(`${node["Node Type"]} on ${node["Relation Name"]}${index}`);
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
  return into;
}

const SAVEPOINT = /^\s*(savepoint|release|rollback to)\b/i;
/** A setting a read makes for its own statements (`set local jit = off`): run, not explained. */
const SETTING = /^\s*(set|reset)\b/i;

/**
 * EXPLAIN ANALYZE of each statement a read ran, with its own parameters, in one transaction
 * that is rolled back: a write runs (and is timed) as in the read, and leaves nothing. A read's
 * settings are made as it made them, so the statements after them are planned as they ran.
 */
export async function explainStatements(
  sql: Sql,
  statements: readonly RecordedStatement[],
): Promise<StatementPlan[]> {
  const plans: StatementPlan[] = [];
  const undo = new Error("explained; roll back");
  await sql
    .begin(async (tx) => {
      for (const { text, params } of statements) {
        if (isTransactionControl(text) || SAVEPOINT.test(text)) continue;
        if (SETTING.test(text)) {
          await tx.unsafe(text, params as never[]);
          continue;
        }
        const rows = await tx.unsafe<Array<{ "QUERY PLAN": Array<Record<string, unknown>> }>>(
          `explain (analyze, format json) ${text}`,
          params as never[],
        );
        const [result] = rows[0]!["QUERY PLAN"];
        plans.push({
          text: text.replace(/\s+/g, " ").slice(0, 160),
          planningMs: Number(result!["Planning Time"]),
          executionMs: Number(result!["Execution Time"]),
          scans: scansOf(result!["Plan"] as PlanNode),
        });
      }
      throw undo;
    })
    .catch((error: unknown) => {
      if (error !== undo) throw error;
    });
  return plans;
}
