import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buttonsContaining } from "./test/html";
import {
  RecoveryCodeList,
  SecondStepForm,
  TotpEnrolment,
  type EnrolmentLabels,
} from "./two-factor";

const labels: EnrolmentLabels = {
  scan: "Scan the code",
  qrAlt: "QR code for Truce",
  secret: "Key",
  code: "Code from the app",
  submit: "Turn on",
  submitting: "Turning on…",
  validation: "Enter the code",
  errors: { invalid_code: "Wrong", restart: "Again", unknown: "Failed" },
  codesTitle: "Your recovery codes",
  codesDescription: "Keep them safe",
  continue: "Continue",
};

describe("two-factor sign-in components", () => {
  it("shows the QR code with a text alternative and the key as text to type by hand", () => {
    const html = renderToStaticMarkup(
      <TotpEnrolment
        enrolment={{ secret: "ABCD EFGH", qrCode: "data:image/svg+xml;base64,PHN2Zy8+" }}
        confirm={async () => ({ ok: false, error: "invalid_code" })}
        onDone={() => {}}
        labels={labels}
      />,
    );
    expect(html).toMatch(
      /<img[^>]*src="data:image\/svg\+xml;base64,PHN2Zy8\+"[^>]*alt="QR code for Truce"/,
    );
    expect(html).toContain("ABCD EFGH");
    expect(html).toMatch(/<label[^>]*for="enrolment-code"[^>]*>Code from the app<\/label>/);
    expect(buttonsContaining(html, "Turn on")).toHaveLength(1);
  });

  it("asks for the second step's code with one-time-code autofill, and offers a way out", () => {
    const html = renderToStaticMarkup(
      <SecondStepForm
        verify={async () => null}
        callbackUrl="/"
        cancel={async () => {}}
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
    expect(html).toMatch(
      /<input[^>]*autoComplete="one-time-code"|<input[^>]*autocomplete="one-time-code"/,
    );
    expect(buttonsContaining(html, "Cancel and sign out")).toHaveLength(1);
  });

  it("lists every recovery code", () => {
    const codes = ["aaaa-bbbb-cccc", "dddd-eeee-ffff"];
    const html = renderToStaticMarkup(
      <RecoveryCodeList codes={codes} labels={labels} onDone={() => {}} />,
    );
    for (const code of codes) expect(html).toContain(`<li>${code}</li>`);
  });
});
