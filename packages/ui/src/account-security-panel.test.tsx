import { describe, expect, it } from "vitest";
import {
  AccountSecurityPanel,
  type AccountChange,
  type AccountSecurityLabels,
  type AccountSecurityState,
} from "./account-security-panel";
import { enrolmentLabels } from "./test/labels";
import { formTags, renderHtml, serverAction } from "./test/server-action";

const labels: AccountSecurityLabels = {
  twoFactorTitle: "Two-factor sign-in",
  status: "Off",
  codesLeft: null,
  setUp: "Set up an authenticator app",
  newCodes: "Make new recovery codes",
  newCodesNote: "New codes replace the old ones",
  cancel: "Cancel",
  sessionsTitle: "Sessions",
  sessionsNote: "About sessions",
  signOutOthers: "Sign out my other sessions",
  signedOutOthers: "Your other sessions are signed out",
  reauthentication: {
    title: "First, confirm it is you",
    password: "Your password",
    code: "A code",
    submit: "Confirm",
    why: { enrol: "Adds an app", codes: "New codes", sessions: "Signs out everywhere else" },
    errors: { failed: "Not right", locked: "Locked", expired: "Expired", unknown: "Failed" },
  },
  enrolment: enrolmentLabels,
  enrolmentLocked: "Too many wrong codes",
};

type Action = (state: AccountSecurityState, form: FormData) => Promise<AccountSecurityState>;

const render = (change: AccountChange | null, enrolled = false) =>
  renderHtml(
    <AccountSecurityPanel
      enrolled={enrolled}
      change={change}
      signedOutOthers={false}
      action={serverAction<Action>("account-security")}
      labels={labels}
    />,
  );

describe("the account security page", () => {
  it("opens each change as a link, so it works before any script runs", async () => {
    const html = await render(null, true);
    expect(html).toMatch(/<a[^>]*href="\/account\/security\?change=enrol"[^>]*>Set up/);
    expect(html).toMatch(/<a[^>]*href="\/account\/security\?change=codes"/);
    expect(html).toMatch(/<a[^>]*href="\/account\/security\?change=sessions"[^>]*>Sign out my/);
  });

  it("asks for the password (and a code with an app set up) in a form that posts, before signing out the other sessions", async () => {
    const html = await render("sessions", true);
    const [form, ...others] = formTags(html);
    expect(others).toHaveLength(0);
    expect(form).toMatch(/\smethod="POST"/);
    expect(html).toContain("Signs out everywhere else");
    expect(html).toMatch(/<input type="hidden" name="intent" value="reauthenticate"\/>/);
    expect(html).toMatch(/<input type="hidden" name="change" value="sessions"\/>/);
    expect(html).toMatch(/<input[^>]*type="password"[^>]*name="password"/);
    expect(html).toMatch(/<input[^>]*name="code"/);
  });
});
