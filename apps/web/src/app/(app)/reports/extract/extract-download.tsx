"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore } from "react";
import {
  EXTRACT_FILES,
  evaluatorsExtractFileName,
  evaluatorsExtractInput,
} from "@truce/api/schemas/report";
import { Alert, AlertDescription, Button, Input, Label, useTranslateMessage } from "@truce/ui";
import { openFileSink } from "@truce/ui/file-sink";
import { today } from "~/components/today";
import { zipProgress } from "./zip-progress";

type Step =
  | { state: "idle" }
  | { state: "making"; received: number; file: number }
  | { state: "done"; fileName: string; size: number }
  | { state: "cancelled" }
  | { state: "failed"; message: string };

/** What the route answers a refusal with (packages/api extract-http.ts). */
interface Refusal {
  error?: {
    messageKey?: string;
    messageParams?: Record<string, string | number>;
    zodError?: { fieldErrors: Partial<Record<string, string[]>> } | null;
  };
}

const subscribeToNothing = () => () => {};

/** The file name the route gives in its Content-Disposition, else one of our own. */
function fileNameOf(res: Response): string {
  const match = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "");
  return match?.[1] ?? "truce-evaluators-extract.zip";
}

/**
 * The extract's period and its download. The archive is made as it downloads, so the page reads
 * the response as it comes: the bytes received, and the file being written (told by its name in
 * the archive's bytes). Where the browser lets a page write a file the user picks, each piece
 * goes straight to it (`openFileSink`); elsewhere the pieces are handed to the browser's
 * downloads at the end. Cancel stops the download and, with it, the server's reading of the
 * database.
 */
export function ExtractDownload() {
  const t = useTranslations("reports.extract");
  const format = useFormatter();
  const translate = useTranslateMessage();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [step, setStep] = useState<Step>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);
  // False in the server's HTML and until React has taken the page over: a click or a day typed
  // before then would be lost, so the button waits for it.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

  const input = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const checked = evaluatorsExtractInput.safeParse(input);
  const fieldError = (field: "from" | "to") => {
    if (checked.success) return undefined;
    const issue = checked.error.issues.find((i) => i.path[0] === field);
    return issue ? translate(issue.message) : undefined;
  };
  const megabytes = (bytes: number) =>
    format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  async function make() {
    if (!checked.success) return;
    // Where the archive goes is asked first, while the click still lets the page ask.
    const sink = await openFileSink(evaluatorsExtractFileName(checked.data, today()), {
      mime: "application/zip",
      extension: ".zip",
      description: t("zipFile"),
    });
    if (!sink) return;
    const controller = new AbortController();
    abort.current = controller;
    setStep({ state: "making", received: 0, file: -1 });
    try {
      const res = await fetch("/api/reports/extract", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(checked.data),
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        await sink.abort();
        const refusal = (await res.json().catch(() => ({}))) as Refusal;
        setStep({
          state: "failed",
          message: translate(refusal.error?.messageKey, refusal.error?.messageParams),
        });
        return;
      }
      const reader = res.body.getReader();
      const progress = zipProgress(EXTRACT_FILES);
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await sink.write(value);
        received += value.byteLength;
        setStep({ state: "making", received, file: progress.take(value) });
      }
      await sink.close();
      setStep({ state: "done", fileName: fileNameOf(res), size: received });
    } catch (error) {
      await sink.abort().catch(() => {});
      setStep(
        controller.signal.aborted
          ? { state: "cancelled" }
          : { state: "failed", message: t("failed") },
      );
      if (!controller.signal.aborted) console.warn("[extract] the download failed:", error);
    } finally {
      abort.current = null;
    }
  }

  const making = step.state === "making";
  return (
    <section aria-labelledby="extract-make" className="space-y-4">
      <h2 id="extract-make" className="text-base font-semibold">
        {t("makeTitle")}
      </h2>
      <fieldset className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2" disabled={making}>
        <legend className="mb-2 text-sm text-muted-foreground">{t("periodHint")}</legend>
        {(["from", "to"] as const).map((field) => {
          const error = fieldError(field);
          return (
            <div key={field} className="grid content-start gap-1.5">
              <Label htmlFor={`extract-${field}`}>{t(field)}</Label>
              <Input
                id={`extract-${field}`}
                type="date"
                max={today()}
                value={field === "from" ? from : to}
                onChange={(event) => (field === "from" ? setFrom : setTo)(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `extract-${field}-error` : undefined}
              />
              {error ? (
                <p id={`extract-${field}-error`} className="text-sm text-destructive">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void make()} disabled={!hydrated || making || !checked.success}>
          {t("download")}
        </Button>
        {making ? (
          <Button variant="outline" onClick={() => abort.current?.abort()}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="space-y-2 text-sm">
        {making ? (
          <>
            <progress
              className="h-2 w-full max-w-xl"
              aria-label={t("progressLabel")}
              max={EXTRACT_FILES.length}
              value={Math.max(step.file, 0)}
            />
            <p>
              {step.file < 0
                ? t("starting")
                : t("writing", {
                    file: EXTRACT_FILES[step.file]!,
                    number: step.file + 1,
                    files: EXTRACT_FILES.length,
                  })}{" "}
              {t("received", { megabytes: megabytes(step.received) })}
            </p>
          </>
        ) : step.state === "done" ? (
          <p>{t("saved", { fileName: step.fileName, megabytes: megabytes(step.size) })}</p>
        ) : step.state === "cancelled" ? (
          <p>{t("cancelled")}</p>
        ) : null}
      </div>
      {step.state === "failed" ? (
        <Alert variant="destructive">
          <AlertDescription>{step.message}</AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}
