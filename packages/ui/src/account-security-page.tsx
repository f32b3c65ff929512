import { getTranslations } from "next-intl/server";
import {
  AccountSecurityPanel,
  type AccountChange,
  type AccountSecurityState,
} from "./account-security-panel";
import { Card, CardContent, CardHeader, CardTitle } from "./card";
import { enrolmentLabels } from "./sign-in-page";
import { RecoveryCodeList } from "./two-factor";

export async function generateMetadata() {
  return { title: (await getTranslations("accountSecurity"))("title") };
}

/** The app's server actions for the page (packages/auth account-actions.ts). */
export interface AccountSecurityActions {
  /** Every form of the page posts here. */
  change: (state: AccountSecurityState, form: FormData) => Promise<AccountSecurityState>;
  /** The recovery codes a change just made, shown until they are saved. */
  codesToShow: () => Promise<string[] | null>;
  codesSaved: () => Promise<void>;
}

const CHANGES: readonly AccountChange[] = ["enrol", "codes", "sessions"];
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * /account/security in either app: two-factor sign-in and the sessions of the signed-in
 * person. The app's page reads the status for the current session (and sends anyone else
 * to sign in).
 */
export async function AccountSecurityPage({
  status,
  actions,
  searchParams,
}: {
  status: { enrolled: boolean; recoveryCodesLeft: number };
  actions: AccountSecurityActions;
  searchParams: Promise<{ change?: string | string[]; signedOut?: string | string[] }>;
}) {
  const t = await getTranslations("accountSecurity");
  const params = await searchParams;
  const asked = one(params.change);
  const change = CHANGES.find((c) => c === asked) ?? null;
  const newCodes = await actions.codesToShow();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {newCodes ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("twoFactorTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <RecoveryCodeList
              codes={newCodes}
              labels={await enrolmentLabels()}
              saved={actions.codesSaved}
            />
          </CardContent>
        </Card>
      ) : (
        <AccountSecurityPanel
          // a change opened (or cancelled) starts from a clean state
          key={change ?? "status"}
          enrolled={status.enrolled}
          change={change}
          signedOutOthers={one(params.signedOut) === "others"}
          action={actions.change}
          labels={{
            twoFactorTitle: t("twoFactorTitle"),
            status: status.enrolled ? t("on") : t("off"),
            codesLeft: status.enrolled ? t("codesLeft", { count: status.recoveryCodesLeft }) : null,
            setUp: status.enrolled ? t("replace") : t("setUp"),
            newCodes: t("newCodes"),
            newCodesNote: t("newCodesNote"),
            cancel: t("cancel"),
            sessionsTitle: t("sessionTitle"),
            sessionsNote: t("sessionNote"),
            signOutOthers: t("signOutOthers"),
            signedOutOthers: t("signedOutOthers"),
            reauthentication: {
              title: t("reauthentication.title"),
              password: t("reauthentication.password"),
              code: t("reauthentication.code"),
              submit: t("reauthentication.submit"),
              why: {
                enrol: t("reauthentication.why.enrol"),
                codes: t("reauthentication.why.codes"),
                sessions: t("reauthentication.why.sessions"),
              },
              errors: {
                failed: t("reauthentication.failed"),
                locked: t("reauthentication.locked"),
                expired: t("reauthentication.expired"),
                unknown: t("reauthentication.unknown"),
              },
            },
            enrolment: await enrolmentLabels(),
            enrolmentLocked: t("enrolmentLocked"),
          }}
        />
      )}
    </div>
  );
}
