import type { EnrolmentLabels } from "../two-factor";

/** The labels of adding an authenticator app, for the tests of the forms that show it. */
export const enrolmentLabels: EnrolmentLabels = {
  scan: "Scan the code",
  qrAlt: "QR code for Truce",
  secret: "Key",
  code: "Code from the app",
  submit: "Turn on",
  submitting: "Turning on…",
  validation: "Enter the code",
  errors: { invalid_code: "Wrong", unknown: "Failed" },
  codesTitle: "Your recovery codes",
  codesDescription: "Keep them safe",
  continue: "I have saved my codes",
};
