import { expect, test } from "@playwright/test";
import { query, signInWithForm, WEB } from "./support";

test("[social worker] cannot open a police agency-only note", async ({ page }) => {
  const [policeNote] = await query<{ id: string; body: string }>(
    `select n.id, n.body from note n join agency a on a.id = n.author_agency_id
     where a.kind = 'police' and n.visibility = 'agency' order by n.id limit 1`,
  );
  await signInWithForm(page, WEB, "social.staff@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  await page.goto(`${WEB}/notes/${policeNote!.id}`);
  // A note is case content: read only with the session's purpose, asked for first.
  await expect(page.getByRole("heading", { name: "What is this session for?" })).toBeVisible();
  await page.getByRole("button", { name: "Case work" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This note is kept within the agency that wrote it" }),
  ).toBeVisible();
  await expect(page.getByText(policeNote!.body)).toHaveCount(0);
});

test("[police staff] opens a profile for case work and adds an agency-only note", async ({
  page,
}) => {
  const [person] = await query<{ id: string; given_name: string; family_name: string }>(
    `select id, given_name, family_name from individual where registration_status = 'approved'
     order by family_name, given_name, id limit 1`,
  );
  await signInWithForm(page, WEB, "police.staff@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  await page.getByRole("link", { name: `${person!.family_name}, ${person!.given_name}` }).click();
  await expect(page.getByRole("heading", { name: "What is this session for?" })).toBeVisible();
  await page.getByRole("button", { name: "Case work" }).click();
  await expect(
    page.getByRole("heading", { name: `${person!.given_name} ${person!.family_name}` }),
  ).toBeVisible();
  await expect(page.getByTestId("purpose-menu")).toContainText("Case work");

  const text = `Seen near the square ${Date.now()}`;
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Write the note before saving it.")).toBeVisible();
  await page.getByLabel("New note").fill(text);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText(text);

  const [logged] = await query<{ purpose: string }>(
    `select purpose from access_log where entity_type = 'individual' and entity_id = '${person!.id}'
     and action = 'read' order by id desc limit 1`,
  );
  expect(logged?.purpose).toBe("case_work");
});
