import { getTranslations } from "next-intl/server";
import { AccountSecurityPanel, type AccountSecurityActions } from "./account-security-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { enrolmentLabels } from "./sign-in-page";

export async function generateMetadata() {
  return { title: (await getTranslations("accountSecurity"))("title") };
}

/**
 * /account/security in either app: two-factor sign-in for the signed-in person. The app's
 * page reads the status for the current session (and sends anyone else to sign in).
 */
export async function AccountSecurityPage({
  status,
  actions,
}: {
  status: { enrolled: boolean; recoveryCodesLeft: number };
  actions: AccountSecurityActions;
}) {
  const t = await getTranslations("accountSecurity");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("twoFactorTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <AccountSecurityPanel
            enrolled={status.enrolled}
            actions={actions}
            labels={{
              status: status.enrolled ? t("on") : t("off"),
              codesLeft: status.enrolled
                ? t("codesLeft", { count: status.recoveryCodesLeft })
                : null,
              setUp: status.enrolled ? t("replace") : t("setUp"),
              newCodes: t("newCodes"),
              newCodesNote: t("newCodesNote"),
              cancel: t("cancel"),
              reauthentication: {
                title: t("reauthentication.title"),
                password: t("reauthentication.password"),
                code: t("reauthentication.code"),
                submit: t("reauthentication.submit"),
                failed: t("reauthentication.failed"),
              },
              enrolment: await enrolmentLabels(),
            }}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("sessionTitle")}</CardTitle>
          <CardDescription>{t("sessionNote")}</CardDescription>
        </CardHeader>
      </Card>
    </div>
  );
}
