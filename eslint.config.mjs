// One lint setup for the whole monorepo; every workspace runs `eslint .` against it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

/**
 * Imports go one way: db → auth → api → apps. `ui` is the apps' component library, between
 * auth and the apps: it may name auth's types (a server action's state is one type, written
 * in auth where the action is), never its values (server code that must stay out of the
 * browser bundle), and nothing of api or db (a client component types what the server sends
 * by its shape). Packages are reached by name through their `exports`, never by a relative
 * path into another workspace. Built-in `no-restricted-imports` does all of this per folder,
 * with no plugin and no import resolver: every workspace import is a bare `@truce/<name>`.
 */
const WORKSPACES = ["db", "auth", "api", "ui", "web", "admin", "e2e", "bench"];
const LAYERS = {
  "packages/db": { may: [] },
  "packages/auth": { may: ["db"] },
  "packages/api": { may: ["db", "auth"] },
  "packages/ui": { may: [], types: ["auth"] },
};

function importOrder() {
  const intoAnotherWorkspace = {
    regex: "^(\\.\\./)+(packages/|apps/)?(db|auth|api|ui|web|admin|e2e|bench)/src(/|$)",
    message: "Import another workspace by its package name (@truce/<name>), through its exports.",
  };
  return [
    {
      files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
      rules: { "no-restricted-imports": ["error", { patterns: [intoAnotherWorkspace] }] },
    },
    ...Object.entries(LAYERS).map(([folder, { may, types = [] }]) => {
      const name = folder.split("/")[1];
      const forbidden = WORKSPACES.filter(
        (w) => w !== name && !may.includes(w) && !types.includes(w),
      );
      const rule = (workspaces, extra) => ({
        group: workspaces.flatMap((w) => [`@truce/${w}`, `@truce/${w}/*`]),
        message: `${folder} comes before ${workspaces.join(", ")} in the import order (db → auth → api → apps; ui between auth and the apps).`,
        ...extra,
      });
      const patterns = [intoAnotherWorkspace, rule(forbidden)];
      if (types.length)
        patterns.push(
          rule(types, {
            allowTypeImports: true,
            message: `${folder} may import only types from ${types.join(", ")}: its values are server code.`,
          }),
        );
      return {
        files: [`${folder}/**/*.{ts,tsx,mjs}`],
        rules: { "no-restricted-imports": ["error", { patterns }] },
      };
    }),
  ];
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.next-bench/**",
      "bench/results/**",
      "**/.turbo/**",
      "**/.data/**",
      "**/dist/**",
      "**/next-env.d.ts",
      "**/test-results/**",
      "**/playwright-report/**",
      "packages/db/drizzle/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  ...importOrder(),
  {
    // The input schemas and what they are built from are loaded by the apps' forms in the
    // browser too: zod and the constants only, never Drizzle or server code.
    files: [
      "packages/api/src/services/*/schemas.ts",
      "packages/api/src/services/{text,pagination,fields}.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^(?!(zod|@truce/db/(enum-values|field-limits|programme-calendar)|\\.\\.?/(text|pagination|fields))$)",
              message:
                "A schemas module imports only zod, @truce/db/enum-values, field-limits and programme-calendar, and ../text, ../pagination, ../fields: a form in the browser imports it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/db/src/{enum-values,field-limits,programme-calendar}.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: ".", message: "The constants import nothing: anything may import them." },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript run by node itself (the apps' HTTP server).
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
