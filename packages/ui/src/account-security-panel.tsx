"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import { Input } from "./input";
import { Label } from "./label";
import {
  RecoveryCodeList,
  TotpEnrolment,
  type ConfirmEnrolmentResult,
  type EnrolmentLabels,
  type EnrolmentView,
} from "./two-factor";

/** The password, and with two-factor sign-in on a current code, asked before any change. */
export interface Reauthentication {
  password: string;
  code?: string;
}

export interface AccountSecurityActions {
  start: (proof: Reauthentication) => Promise<EnrolmentView | null>;
  confirm: (code: string) => Promise<ConfirmEnrolmentResult>;
  renewCodes: (proof: Reauthentication) => Promise<string[] | null>;
}

export interface ReauthenticationLabels {
  title: string;
  password: string;
  code: string;
  submit: string;
  failed: string;
}

export interface AccountSecurityLabels {
  status: string;
  codesLeft: string | null;
  setUp: string;
  newCodes: string;
  newCodesNote: string;
  cancel: string;
  reauthentication: ReauthenticationLabels;
  enrolment: EnrolmentLabels;
}

type Change = "enrol" | "codes";
type View =
  | { kind: "status" }
  | { kind: "reauthenticate"; change: Change }
  | { kind: "enrolling"; enrolment: EnrolmentView }
  | { kind: "codes"; codes: string[] };

/** Asks for the person's factors again; `submit` answers whether they were right. */
function ReauthenticationForm({
  withCode,
  labels,
  submit,
  cancel,
  cancelLabel,
}: {
  withCode: boolean;
  labels: ReauthenticationLabels;
  submit: (proof: Reauthentication) => Promise<boolean>;
  cancel: () => void;
  cancelLabel: string;
}) {
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const proof = {
      password: String(form.get("password") ?? ""),
      code: withCode ? String(form.get("code") ?? "").trim() : undefined,
    };
    setFailed(false);
    startTransition(async () => {
      const ok = await submit(proof).catch(() => false);
      if (!ok) setFailed(true);
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-busy={pending}>
      <h3 className="text-sm font-semibold">{labels.title}</h3>
      {failed ? (
        <Alert variant="destructive" data-testid="reauthentication-error">
          <AlertDescription>{labels.failed}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="reauth-password">{labels.password}</Label>
        <Input
          id="reauth-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
        />
      </div>
      {withCode ? (
        <div className="space-y-2">
          <Label htmlFor="reauth-code">{labels.code}</Label>
          <Input
            id="reauth-code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            className="font-mono"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {labels.submit}
        </Button>
        <Button type="button" variant="ghost" onClick={cancel}>
          {cancelLabel}
        </Button>
      </div>
    </form>
  );
}

/** Two-factor sign-in on the account page: its state, setting up an app, new recovery codes. */
export function AccountSecurityPanel({
  enrolled,
  actions,
  labels,
}: {
  enrolled: boolean;
  actions: AccountSecurityActions;
  labels: AccountSecurityLabels;
}) {
  const router = useRouter();
  const [view, setView] = useState<View>({ kind: "status" });
  const finish = () => {
    setView({ kind: "status" });
    router.refresh();
  };

  if (view.kind === "reauthenticate") {
    const { change } = view;
    return (
      <ReauthenticationForm
        withCode={enrolled}
        labels={labels.reauthentication}
        cancel={finish}
        cancelLabel={labels.cancel}
        submit={async (proof) => {
          if (change === "enrol") {
            const enrolment = await actions.start(proof);
            if (enrolment) setView({ kind: "enrolling", enrolment });
            return Boolean(enrolment);
          }
          const codes = await actions.renewCodes(proof);
          if (codes) setView({ kind: "codes", codes });
          return Boolean(codes);
        }}
      />
    );
  }
  if (view.kind === "enrolling") {
    return (
      <TotpEnrolment
        enrolment={view.enrolment}
        confirm={actions.confirm}
        labels={labels.enrolment}
        onDone={finish}
        footer={
          <Button type="button" variant="ghost" className="w-full" onClick={finish}>
            {labels.cancel}
          </Button>
        }
      />
    );
  }
  if (view.kind === "codes") {
    return <RecoveryCodeList codes={view.codes} labels={labels.enrolment} onDone={finish} />;
  }
  return (
    <div className="space-y-4">
      <p data-testid="two-factor-status" className="text-sm">
        {labels.status}
      </p>
      {labels.codesLeft ? (
        <p className="text-sm text-muted-foreground">{labels.codesLeft}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => setView({ kind: "reauthenticate", change: "enrol" })}>
          {labels.setUp}
        </Button>
        {enrolled ? (
          <Button
            type="button"
            variant="outline"
            title={labels.newCodesNote}
            onClick={() => setView({ kind: "reauthenticate", change: "codes" })}
          >
            {labels.newCodes}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
