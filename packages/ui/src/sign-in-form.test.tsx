import { describe, expect, it } from "vitest";
import { SignInForm, type SignInFormProps } from "./sign-in-form";
import { formTags, renderHtml, serverAction } from "./test/server-action";

const labels: SignInFormProps["labels"] = {
  title: "Sign in to Truce",
  description: "Use your work e-mail address and password.",
  email: "E-mail address",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  invalidEmail: "Enter an e-mail address",
  missingPassword: "Enter your password",
  errors: { invalid_credentials: "Not right", no_access: "No access", unknown: "Failed" },
  lockoutHint: "Five failures pause signing in",
};

describe("the sign-in form", () => {
  it("posts to its server action before any script runs, so the password never goes into a URL", async () => {
    const html = await renderHtml(
      <SignInForm
        labels={labels}
        action={serverAction<SignInFormProps["action"]>("sign-in")}
        callbackUrl="/individuals"
      />,
    );
    const [form, ...others] = formTags(html);
    expect(others).toHaveLength(0);
    // a native submission is a POST of the fields in the body, never a GET with them in the URL
    expect(form).toMatch(/\smethod="POST"/);
    expect(form).toMatch(/\senctype="multipart\/form-data"/i);
    expect(form).not.toMatch(/action="javascript:/);
    expect(html).toMatch(/<input[^>]*type="password"[^>]*name="password"/);
    expect(html).toMatch(/<input type="hidden" name="callbackUrl" value="\/individuals"\/>/);
  });

  it("shows the generic error and the lockout note when sent back with an error", async () => {
    const html = await renderHtml(
      <SignInForm
        labels={labels}
        action={serverAction<SignInFormProps["action"]>("sign-in")}
        callbackUrl="/"
        initialError="invalid_credentials"
      />,
    );
    expect(html).toContain('data-testid="sign-in-error"');
    expect(html).toContain("Five failures pause signing in");
  });
});
