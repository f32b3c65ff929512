"use client";

import {
  useActionState,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
} from "react";
import type { Enrolment, SecondStepState } from "@truce/auth";
import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Input } from "./input";
import { Label } from "./label";

// The forms of signing in post to server actions (useActionState), so they work before the
// page's scripts have loaded, or without them: React renders them as method="POST" forms
// that the server answers with the page again. With scripts, the same actions run without
// a page load, and the fields are checked in the browser first.

const noSubscription = () => () => {};
/**
 * False in the server's HTML and during hydration, true once the page's scripts run: the
 * browser's own validation checks the fields until then, the forms' own messages after.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Hidden fields that go with a form's post (where to go next, which form it is). */
export function HiddenFields({ values }: { values?: Record<string, string> }) {
  return Object.entries(values ?? {}).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

export interface CodeFormLabels {
  code: string;
  submit: string;
  submitting: string;
  /** Shown when the field is empty. */
  validation: string;
}

/**
 * One field for a one-time code, posted to `action` (a useActionState dispatch). Recovery
 * codes contain letters, so the field takes any text; the numeric keyboard hint is left to
 * the browser's one-time-code autofill.
 */
export function CodeForm({
  labels,
  action,
  pending,
  error,
  id,
  hidden,
}: {
  labels: CodeFormLabels;
  action: (form: FormData) => void;
  pending: boolean;
  /** What the last post answered, already in words. */
  error: string | null;
  id: string;
  hidden?: Record<string, string>;
}) {
  const hydrated = useHydrated();
  const [empty, setEmpty] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // prevented, the post does not happen (React runs the action only otherwise)
    const code = new FormData(event.currentTarget).get("code");
    const isEmpty = typeof code !== "string" || code.trim() === "";
    setEmpty(isEmpty);
    if (isEmpty) event.preventDefault();
  };
  const message = empty ? labels.validation : error;
  return (
    <form
      action={action}
      onSubmit={onSubmit}
      noValidate={hydrated}
      className="space-y-4"
      aria-busy={pending}
    >
      <HiddenFields values={hidden} />
      {message ? (
        <Alert variant="destructive" data-testid="code-error">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor={id}>{labels.code}</Label>
        <Input
          id={id}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
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
function CancelForm({ cancel, label }: { cancel: () => Promise<void>; label: string }) {
  return (
    <form action={cancel}>
      <Button type="submit" variant="ghost" className="w-full">
        {label}
      </Button>
    </form>
  );
}

/** What the second step's action answers when it does not redirect (packages/auth). */
export type CodeState = SecondStepState;

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
  verify: (state: CodeState, form: FormData) => Promise<CodeState>;
  callbackUrl: string;
  cancel: () => Promise<void>;
}) {
  const [state, action, pending] = useActionState(verify, null);
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
          action={action}
          pending={pending}
          error={state ? labels.errors[state.error] : null}
          hidden={{ callbackUrl }}
        />
        <CancelForm cancel={cancel} label={labels.cancel} />
      </CardContent>
    </Card>
  );
}

/** The new secret, as a key to type and a QR code (packages/auth two-factor.ts). */
export type EnrolmentView = Enrolment;

export interface EnrolmentLabels extends CodeFormLabels {
  scan: string;
  qrAlt: string;
  secret: string;
  errors: { invalid_code: string; unknown: string };
  codesTitle: string;
  codesDescription: string;
  continue: string;
}

/**
 * The recovery codes, shown once, right after they were made; `saved` (a server action)
 * forgets them and goes on.
 */
export function RecoveryCodeList({
  codes,
  labels,
  saved,
}: {
  codes: string[];
  labels: Pick<EnrolmentLabels, "codesTitle" | "codesDescription" | "continue">;
  saved: () => Promise<void>;
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
      <form action={saved}>
        <Button type="submit" className="w-full">
          {labels.continue}
        </Button>
      </form>
    </section>
  );
}

/**
 * Adding an authenticator app: the QR code and the key as text, and a code from the app
 * to confirm, posted to `action`.
 */
export function TotpEnrolment({
  enrolment,
  labels,
  action,
  pending,
  error,
  hidden,
  footer,
}: {
  enrolment: EnrolmentView;
  labels: EnrolmentLabels;
  action: (form: FormData) => void;
  pending: boolean;
  error: string | null;
  hidden?: Record<string, string>;
  footer?: ReactNode;
}) {
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
        action={action}
        pending={pending}
        error={error}
        hidden={hidden}
      />
      {footer}
    </div>
  );
}

/**
 * The sign-in step for someone who must add an authenticator app before going on. The
 * action redirects once the app is confirmed; the sign-in page then shows the recovery
 * codes.
 */
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
  confirm: (state: CodeState, form: FormData) => Promise<CodeState>;
  cancel: () => Promise<void>;
  cancelLabel: string;
  callbackUrl: string;
  labels: EnrolmentLabels;
}) {
  const [state, action, pending] = useActionState(confirm, null);
  return (
    <Card className="w-full max-w-md">
      <CardHeader>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <TotpEnrolment
          enrolment={enrolment}
          labels={labels}
          action={action}
          pending={pending}
          error={state ? labels.errors[state.error] : null}
          hidden={{ callbackUrl }}
          footer={<CancelForm cancel={cancel} label={cancelLabel} />}
        />
      </CardContent>
    </Card>
  );
}
