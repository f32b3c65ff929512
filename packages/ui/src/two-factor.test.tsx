import { describe, expect, it } from "vitest";
import { buttonsContaining } from "./test/html";
import { enrolmentLabels } from "./test/labels";
import { formTags, renderHtml, serverAction } from "./test/server-action";
import { EnrolmentStep, RecoveryCodeList, SecondStepForm, type CodeState } from "./two-factor";

const labels = enrolmentLabels;

type CodeAction = (state: CodeState, form: FormData) => Promise<CodeState>;
const enrolment = { secret: "ABCD EFGH", qrCode: "data:image/svg+xml;base64,PHN2Zy8+" };

/** Every form in the markup posts its fields (none falls back to a GET without scripts). */
function expectEveryFormPosts(html: string, count: number) {
  const forms = formTags(html);
  expect(forms).toHaveLength(count);
  for (const form of forms) expect(form).toMatch(/\smethod="POST"/);
}

describe("two-factor sign-in components", () => {
  it("shows the QR code with a text alternative and the key as text to type by hand", async () => {
    const html = await renderHtml(
      <EnrolmentStep
        title="Set up two-factor sign-in"
        description="Needed"
        enrolment={enrolment}
        confirm={serverAction<CodeAction>("confirm")}
        cancel={serverAction<() => Promise<void>>("cancel")}
        cancelLabel="Cancel and sign out"
        callbackUrl="/"
        labels={labels}
      />,
    );
    expect(html).toMatch(
      /<img[^>]*src="data:image\/svg\+xml;base64,PHN2Zy8\+"[^>]*alt="QR code for Truce"/,
    );
    expect(html).toContain("ABCD EFGH");
    expect(html).toMatch(/<label[^>]*for="enrolment-code"[^>]*>Code from the app<\/label>/);
    expect(buttonsContaining(html, "Turn on")).toHaveLength(1);
    // the code, and cancelling, both post without scripts
    expectEveryFormPosts(html, 2);
  });

  it("asks for the second step's code with one-time-code autofill, and offers a way out", async () => {
    const html = await renderHtml(
      <SecondStepForm
        verify={serverAction<CodeAction>("verify")}
        callbackUrl="/individuals"
        cancel={serverAction<() => Promise<void>>("cancel")}
        labels={{
          title: "Enter your code",
          description: "From your app",
          code: "Code",
          submit: "Continue",
          submitting: "Checking…",
          validation: "Enter it",
          cancel: "Cancel and sign out",
          errors: { invalid_code: "Wrong", unknown: "Failed" },
        }}
      />,
    );
    expect(html).toMatch(/<h1[^>]*>Enter your code<\/h1>/);
    expect(html).toMatch(/<input[^>]*autoComplete="one-time-code"/i);
    expect(html).toMatch(/<input type="hidden" name="callbackUrl" value="\/individuals"\/>/);
    expect(buttonsContaining(html, "Cancel and sign out")).toHaveLength(1);
    expectEveryFormPosts(html, 2);
  });

  it("lists every recovery code, and saving them posts", async () => {
    const codes = ["aaaa-bbbb-cccc", "dddd-eeee-ffff"];
    const html = await renderHtml(
      <RecoveryCodeList
        codes={codes}
        labels={labels}
        saved={serverAction<() => Promise<void>>("saved")}
      />,
    );
    for (const code of codes) expect(html).toContain(`<li>${code}</li>`);
    expectEveryFormPosts(html, 1);
  });
});
