"use client";

import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Input } from "./input";
import { Label } from "./label";

/** A redirect from a server action reaches the caller as a thrown navigation signal. */
export function isNavigationSignal(thrown: unknown): boolean {
  return thrown instanceof Error && /NEXT_REDIRECT/.test(thrown.message);
}

export interface CodeFormLabels {
  code: string;
  submit: string;
  submitting: string;
  /** Shown when the field is empty. */
  validation: string;
}

/**
 * One field for a one-time code. `submit` returns the message to show, or null when done
 * (or it redirected). Recovery codes contain letters, so the field takes any text; the
 * numeric keyboard hint is left to the browser's one-time-code autofill.
 */
export function CodeForm({
  labels,
  submit,
  id,
  unknownError,
}: {
  labels: CodeFormLabels;
  submit: (code: string) => Promise<string | null>;
  id: string;
  /** Shown when the server action itself fails. */
  unknownError: string;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!value) {
      setError(labels.validation);
      return;
    }
    setError(null);
    startTransition(async () => {
      try {
        const message = await submit(value);
        if (message) {
          setError(message);
          setCode("");
        }
      } catch (thrown) {
        if (isNavigationSignal(thrown)) throw thrown;
        setError(unknownError);
      }
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {error ? (
        <Alert variant="destructive" data-testid="code-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor={id}>{labels.code}</Label>
        <Input
          id={id}
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          maxLength={64}
          className="font-mono tracking-wider"
        />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}

/** Abandons a pending sign-in (signs out), from either second step. */
function CancelButton({ cancel, label }: { cancel: () => Promise<void>; label: string }) {
  const [cancelling, startCancel] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      className="w-full"
      disabled={cancelling}
      onClick={() => startCancel(() => cancel())}
    >
      {label}
    </Button>
  );
}

export interface SecondStepLabels extends CodeFormLabels {
  title: string;
  description: string;
  cancel: string;
  errors: { invalid_code: string; unknown: string };
}

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondStepForm({
  labels,
  verify,
  callbackUrl,
  cancel,
}: {
  labels: SecondStepLabels;
  /** A server action: redirects when signed in (or when the sign-in must start over). */
  verify: (values: {
    code: string;
    callbackUrl?: string;
  }) => Promise<{ error: "invalid_code" | "unknown" } | null>;
  callbackUrl: string;
  cancel: () => Promise<void>;
}) {
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle as="h1">{labels.title}</CardTitle>
        <CardDescription>{labels.description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <CodeForm
          id="second-step-code"
          labels={labels}
          unknownError={labels.errors.unknown}
          submit={async (code) => {
            const result = await verify({ code, callbackUrl });
            return result ? labels.errors[result.error] : null;
          }}
        />
        <CancelButton cancel={cancel} label={labels.cancel} />
      </CardContent>
    </Card>
  );
}

export interface EnrolmentView {
  /** The secret in groups of four. */
  secret: string;
  /** An image URL (SVG data URL) of the otpauth:// QR code. */
  qrCode: string;
}

export type ConfirmEnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: "invalid_code" | "restart" | "unknown" };

export interface EnrolmentLabels extends CodeFormLabels {
  scan: string;
  qrAlt: string;
  secret: string;
  errors: { invalid_code: string; restart: string; unknown: string };
  codesTitle: string;
  codesDescription: string;
  continue: string;
}

/** The recovery codes, shown once, right after they were made. */
export function RecoveryCodeList({
  codes,
  labels,
  onDone,
}: {
  codes: string[];
  labels: Pick<EnrolmentLabels, "codesTitle" | "codesDescription" | "continue">;
  onDone: () => void;
}) {
  return (
    <section className="space-y-3" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" className="text-base font-semibold">
        {labels.codesTitle}
      </h2>
      <p className="text-sm text-muted-foreground">{labels.codesDescription}</p>
      <ol
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border bg-muted/40 p-3 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button type="button" className="w-full" onClick={onDone}>
        {labels.continue}
      </Button>
    </section>
  );
}

/**
 * Adding an authenticator app: the QR code and the key as text, a code from the app to
 * confirm, then the recovery codes, once.
 */
export function TotpEnrolment({
  enrolment,
  confirm,
  onDone,
  labels,
  footer,
}: {
  enrolment: EnrolmentView;
  confirm: (code: string) => Promise<ConfirmEnrolmentResult>;
  onDone: () => void;
  labels: EnrolmentLabels;
  footer?: ReactNode;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodeList codes={codes} labels={labels} onDone={onDone} />;
  return (
    <div className="space-y-4">
      <p className="text-sm">{labels.scan}</p>
      {/* A data URL made on the server: nothing is fetched from anywhere. */}
      <img
        src={enrolment.qrCode}
        alt={labels.qrAlt}
        width={200}
        height={200}
        className="mx-auto rounded-md border bg-white"
      />
      <div className="space-y-1">
        <p className="text-sm font-medium">{labels.secret}</p>
        <p data-testid="totp-secret" className="font-mono text-sm break-all select-all">
          {enrolment.secret}
        </p>
      </div>
      <CodeForm
        id="enrolment-code"
        labels={labels}
        unknownError={labels.errors.unknown}
        submit={async (code) => {
          const result = await confirm(code);
          if (result.ok) {
            setCodes(result.recoveryCodes);
            return null;
          }
          return labels.errors[result.error];
        }}
      />
      {footer}
    </div>
  );
}

/** The sign-in step for someone who must add an authenticator app before going on. */
export function EnrolmentStep({
  title,
  description,
  enrolment,
  confirm,
  cancel,
  cancelLabel,
  callbackUrl,
  labels,
}: {
  title: string;
  description: string;
  enrolment: EnrolmentView;
  confirm: (code: string) => Promise<ConfirmEnrolmentResult>;
  cancel: () => Promise<void>;
  cancelLabel: string;
  callbackUrl: string;
  labels: EnrolmentLabels;
}) {
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <TotpEnrolment
          enrolment={enrolment}
          confirm={confirm}
          labels={labels}
          // a full load: the session cookie has just changed from pending to signed in
          onDone={() => window.location.assign(callbackUrl)}
          footer={<CancelButton cancel={cancel} label={cancelLabel} />}
        />
      </CardContent>
    </Card>
  );
}
