// ESLint's flat config: the recommended rules for the sheets' browser modules and their Node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    files: ["site_config/docs/assets/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["site_config/docs/assets/javascripts/workers/*.js"],
    languageOptions: { sourceType: "script", globals: globals.worker },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
];
