import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormControl } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { useTranslateMessage, type ServerError, type TranslateMessage } from "./server-error";
import { changedSince, serverSubmit, translatedResolver } from "./server-form";

// A shared schema's messages are keys; so is everything the server says. (Untyped, like the
// apps' catalogs: the keys come from elsewhere at run time.)
const messages: AbstractIntlMessages = {
  validation: { note: { body: "Write the note before saving it." } },
  apiErrors: {
    staleVersion: "Someone else changed this meanwhile. Check it, then save again.",
    keptWithinAgency: "This note is kept within {agency}.",
  },
  errors: { unknown: "Something went wrong." },
};
// The translator a form gets, taken from next-intl's provider as the app renders it.
function renderedTranslator(): TranslateMessage {
  const got: { translate?: TranslateMessage } = {};
  function Capture() {
    got.translate = useTranslateMessage();
    return null;
  }
  renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={messages}>
      <Capture />
    </NextIntlClientProvider>,
  );
  return got.translate!;
}
const translate = renderedTranslator();

const schema = z.object({
  body: z.string().trim().min(1, "validation.note.body"),
  version: z.number().int(),
});
type Input = z.input<typeof schema>;

function noteForm(submit: (values: z.output<typeof schema>) => Promise<unknown>) {
  const defaultValues = { body: "", version: 1 };
  const form = createFormControl<Input, unknown, z.output<typeof schema>>({
    resolver: translatedResolver(schema, translate),
    defaultValues,
  });
  // As when rendered: the fields registered, and the form mounted (a subscriber marks it so).
  form.register("body");
  form.register("version");
  form.subscribe({ formState: { values: true }, callback: () => {} });
  const said: { formError: string | null; stale: number; succeeded: number } = {
    formError: null,
    stale: 0,
    succeeded: 0,
  };
  const onSubmit = serverSubmit(form, {
    fields: Object.keys(defaultValues),
    submit,
    translate,
    afterSuccess: "clear",
    setFormError: (message) => (said.formError = message),
    onStale: () => (said.stale += 1),
    onSuccess: () => (said.succeeded += 1),
  });
  return { form, onSubmit, said };
}

function refusal(data: ServerError["data"]): ServerError {
  return { message: data?.messageKey ?? "refused", data };
}

describe("a form checked by the shared schema and by the server", () => {
  it("shows the schema's message key translated, on its field, before anything is sent", async () => {
    let sent = false;
    const { form, onSubmit } = noteForm(async () => (sent = true));

    await onSubmit();

    expect(sent).toBe(false);
    // What FormMessage shows (form.test.tsx): the text, not the key.
    expect(form.getFieldState("body").error?.message).toBe("Write the note before saving it.");
  });

  it("puts the server's field errors on their fields, translated, with no form-level message", async () => {
    let sent = false;
    const { form, onSubmit, said } = noteForm(async () => {
      sent = true;
      throw refusal({
        code: "BAD_REQUEST",
        zodError: { formErrors: [], fieldErrors: { body: ["validation.note.body"] } },
      });
    });
    form.setValue("body", "   x   ");

    await onSubmit();

    expect(sent).toBe(true);
    expect(form.getFieldState("body").error?.message).toBe("Write the note before saving it.");
    expect(said.formError).toBeNull();
  });

  it("keeps everything typed when the version is stale, and says so for the whole form", async () => {
    const { form, onSubmit, said } = noteForm(async () => {
      throw refusal({ code: "CONFLICT", messageKey: "apiErrors.staleVersion" });
    });
    form.setValue("body", "Seen near the square", { shouldDirty: true });

    await onSubmit();

    expect(said.formError).toBe("Someone else changed this meanwhile. Check it, then save again.");
    expect(form.getValues()).toEqual({ body: "Seen near the square", version: 1 });
    expect(form.getFieldState("body").isDirty).toBe(true);
  });

  it("translates a refusal's parameters", async () => {
    const { onSubmit, said, form } = noteForm(async () => {
      throw refusal({
        code: "FORBIDDEN",
        messageKey: "apiErrors.keptWithinAgency",
        messageParams: { agency: "the police" },
      });
    });
    form.setValue("body", "x");

    await onSubmit();

    expect(said.formError).toBe("This note is kept within the police.");
  });

  it.each([
    [
      "a key the catalog does not have",
      refusal({ code: "CONFLICT", messageKey: "apiErrors.gone" }),
    ],
    ["a namespace, not a message", refusal({ code: "CONFLICT", messageKey: "apiErrors" })],
    ["no key at all", refusal({ code: "INTERNAL_SERVER_ERROR" })],
    ["not a server error", new TypeError("Failed to fetch")],
  ])("falls back to the generic message, never a raw key, for %s", async (_case, error) => {
    const { onSubmit, said, form } = noteForm(async () => {
      throw error;
    });
    form.setValue("body", "x");

    await onSubmit();

    expect(said.formError).toBe("Something went wrong.");
  });

  it("says a field error on a field the form does not show at form level, translated", async () => {
    const { onSubmit, said, form } = noteForm(async () => {
      throw refusal({
        code: "BAD_REQUEST",
        zodError: { formErrors: [], fieldErrors: { individualId: ["validation.note.body"] } },
      });
    });
    form.setValue("body", "x");

    await onSubmit();

    expect(said.formError).toBe("Write the note before saving it.");
  });

  it("starts again from the defaults after a success, and forgets the last refusal", async () => {
    let fail = true;
    const { onSubmit, said, form } = noteForm(async () => {
      if (fail) throw refusal({ code: "CONFLICT", messageKey: "apiErrors.staleVersion" });
    });
    form.setValue("body", "Seen near the square");
    await onSubmit();
    fail = false;

    await onSubmit();

    expect(said.formError).toBeNull();
    expect(form.getValues()).toEqual({ body: "", version: 1 });
  });

  it("asks for the record again on a stale refusal only, and says when a change was taken", async () => {
    let refuse: ServerError | null = refusal({
      code: "CONFLICT",
      messageKey: "apiErrors.staleVersion",
    });
    const { onSubmit, said, form } = noteForm(async () => {
      if (refuse) throw refuse;
    });
    form.setValue("body", "Seen near the square");
    await onSubmit();
    expect(said).toMatchObject({ stale: 1, succeeded: 0 });
    refuse = refusal({ code: "FORBIDDEN", messageKey: "apiErrors.keptWithinAgency" });
    await onSubmit();
    expect(said).toMatchObject({ stale: 1, succeeded: 0 });
    refuse = null;
    await onSubmit();
    expect(said).toMatchObject({ stale: 1, succeeded: 1 });
  });
});

describe("what changed meanwhile", () => {
  const fields = ["district", "riskLevel", "aliases", "dateOfBirth"];
  const started = { id: "p", version: 1, district: "Husie", riskLevel: "high", aliases: ["A"] };

  it("is each field whose saved value differs from the one the form started from, with its value now", () => {
    const now = { ...started, version: 2, riskLevel: "critical", aliases: ["A", "B"] };
    expect(changedSince(started, now, fields)).toEqual([
      { name: "riskLevel", now: "critical" },
      { name: "aliases", now: ["A", "B"] },
    ]);
  });

  it("is nothing when only the version moved, or an empty field stayed empty", () => {
    expect(changedSince(started, { ...started, version: 5, dateOfBirth: null }, fields)).toEqual(
      [],
    );
    expect(changedSince(undefined, started, fields)).toEqual([]);
  });
});
