import { zodResolver } from "@hookform/resolvers/zod";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormControl, useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { Input } from "./input";

// The app's schemas carry translated messages; the form only shows them.
const schema = z.object({
  name: z.string().min(2, { message: "Ange minst två tecken" }),
});
type Values = z.infer<typeof schema>;

function makeControl(name: string) {
  return createFormControl<z.input<typeof schema>, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { name },
  });
}

function NameForm({ formControl }: { formControl: ReturnType<typeof makeControl>["formControl"] }) {
  const form = useForm<z.input<typeof schema>, unknown, Values>({ formControl });
  return (
    <Form {...form}>
      <form>
        <FormField
          control={form.control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Namn</FormLabel>
              <FormControl>
                <Input {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </form>
    </Form>
  );
}

function attr(html: string, tag: string, name: string): string | undefined {
  const openingTag = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? "";
  return openingTag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

describe("Form", () => {
  it("shows the zod error in FormMessage and ties it to the control", async () => {
    const { formControl, trigger } = makeControl("A");
    expect(await trigger()).toBe(false);

    const html = renderToStaticMarkup(<NameForm formControl={formControl} />);

    expect(html).toContain("Ange minst två tecken");
    expect(attr(html, "input", "aria-invalid")).toBe("true");
    const messageId = attr(html, "p", "id");
    expect(messageId).toBeTruthy();
    expect(attr(html, "input", "aria-describedby")?.split(" ")).toContain(messageId);
    // The label names the control.
    expect(attr(html, "label", "for")).toBe(attr(html, "input", "id"));
  });

  it("renders no message and marks the control valid when validation passes", async () => {
    const { formControl, trigger } = makeControl("Amina");
    expect(await trigger()).toBe(true);

    const html = renderToStaticMarkup(<NameForm formControl={formControl} />);

    expect(html).not.toContain("Ange minst två tecken");
    expect(html).not.toContain('data-slot="form-message"');
    expect(attr(html, "input", "aria-invalid")).toBe("false");
    expect(attr(html, "input", "aria-describedby")).toBeUndefined();
  });
});
