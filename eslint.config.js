// @ts-check
// ESLint: JavaScript's recommended rules, typescript-eslint's type-checked rules on TypeScript,
// and eslint-plugin-astro on components. Formatting is Prettier's job, not ESLint's.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import astro from "eslint-plugin-astro";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "dist/",
    ".astro/",
    ".dist-staging/",
    ".pagefind-shard-*/",
    ".dist-previous/",
    "node_modules/",
    "test-results/",
    "playwright-report/",
    "content/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a binding that is there on purpose (destructuring something away).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  astro.configs.recommended,
  {
    // typescript-eslint's project service cannot type .astro files (astro check does), and
    // plain JS config files get no benefit from it.
    files: ["**/*.astro", "**/*.astro/*.ts", "**/*.astro/*.js", "**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly" } },
  },
);
