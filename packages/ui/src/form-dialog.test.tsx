import { NextIntlClientProvider } from "next-intl";
import { type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type * as Radix from "radix-ui";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { Button } from "./button";
import { FormDialog } from "./form-dialog";
import { NativeSelectField } from "./native-select";
import { useServerForm } from "./server-form";
import { buttonContaining, buttonsContaining, isDisabled } from "./test/html";

// A portal needs a document; on the server the dialog's content is rendered in its place, so
// the open dialog is read as the HTML it produces.
vi.mock("radix-ui", async (importOriginal) => {
  const radix = await importOriginal<typeof Radix>();
  return {
    ...radix,
    Dialog: { ...radix.Dialog, Portal: ({ children }: { children: ReactNode }) => children },
  };
});

const schema = z.object({ status: z.enum(["active", "inactive"]), version: z.number() });

function StatusDialog({
  formError = null,
  open,
  submitDisabled,
  destructive,
}: {
  formError?: string | null;
  open?: boolean;
  submitDisabled?: boolean;
  destructive?: boolean;
}) {
  const server = useServerForm({
    schema,
    defaultValues: { status: "active" },
    values: { status: "active", version: 1 },
    submit: async () => {},
  });
  return (
    <FormDialog
      trigger={<Button variant="outline">Change status</Button>}
      title="Change the person's status"
      description="The status is now Active."
      server={{ ...server, formError }}
      submitLabel="Save the status"
      cancelLabel="Cancel"
      open={open}
      submitDisabled={submitDisabled}
      destructive={destructive}
    >
      <NativeSelectField
        control={server.form.control}
        name="status"
        label="New status"
        options={[
          { value: "active", label: "Active" },
          { value: "inactive", label: "Inactive" },
        ]}
      />
    </FormDialog>
  );
}

function render(node: ReactNode) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="en" timeZone="UTC" messages={{}}>
      {node}
    </NextIntlClientProvider>,
  );
}

describe("FormDialog", () => {
  it("closed, shows only its trigger, which says it opens a dialog", () => {
    const html = render(<StatusDialog />);
    const trigger = buttonContaining(html, "Change status");
    expect(trigger).toContain('aria-haspopup="dialog"');
    expect(trigger).toContain('aria-expanded="false"');
    expect(html).not.toContain('role="dialog"');
    expect(html).not.toContain("Change the person&#x27;s status");
  });

  it("open, is a dialog with its title, the description, the fields and both buttons", () => {
    const html = render(<StatusDialog open />);
    const dialog = html.slice(html.indexOf('role="dialog"'));
    expect(dialog).toMatch(
      /<h2[^>]*data-slot="dialog-title"[^>]*>Change the person&#x27;s status</,
    );
    expect(dialog).toMatch(/data-slot="dialog-description"[^>]*>The status is now Active\.</);
    // The browser does not check: the schema does, and says it in the person's language.
    expect(dialog).toMatch(/<form[^>]*novalidate=""/i);
    expect(dialog).toMatch(/<label[^>]*>New status<\/label><select[^>]*name="status"/);
    expect(buttonContaining(html, "Cancel")).toContain('type="button"');
    const submit = buttonContaining(html, "Save the status");
    expect(submit).toContain('type="submit"');
    expect(isDisabled(submit)).toBe(false);
    expect(html).not.toContain('role="alert"');
  });

  it("shows the form-level refusal inside the dialog, as an alert", () => {
    const html = render(
      <StatusDialog open formError="Someone else changed this meanwhile. Check it, then save." />,
    );
    const dialog = html.slice(html.indexOf('role="dialog"'));
    expect(dialog).toMatch(/role="alert"[^>]*data-testid="form-error"/);
    expect(dialog).toContain("Someone else changed this meanwhile. Check it, then save.");
  });

  it("disables the submit when told to, and makes it destructive when asked", () => {
    const disabled = render(<StatusDialog open submitDisabled />);
    expect(isDisabled(buttonContaining(disabled, "Save the status"))).toBe(true);
    expect(buttonsContaining(disabled, "Cancel").map(isDisabled)).toEqual([false]);

    const destructive = render(<StatusDialog open destructive />);
    expect(buttonContaining(destructive, "Save the status")).toContain("bg-destructive");
  });
});
