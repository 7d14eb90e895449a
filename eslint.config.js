// Lint rules shared by every package: ESLint's and typescript-eslint's recommended sets.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/cdn/**", "**/reports/**", "**/node_modules/**", "**/*.generated.ts", "**/font-widths.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  // CommonJS files (fixtures that check require() consumers) load modules with require().
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Browser tests assert with chai, whose assertions can be property reads (`expect(x).to.exist`). There a bare
  // expression statement is allowed only as an assertion chain that starts with expect(…); any other one is
  // still an error.
  {
    files: ["packages/components/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-expressions": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "ExpressionStatement > MemberExpression:not(:has(CallExpression[callee.name='expect'])), ExpressionStatement > ChainExpression > MemberExpression",
          message: "A bare property read does nothing; only chai assertions (expect(…).to.…) may end in one.",
        },
        {
          selector:
            "ExpressionStatement > :matches(Identifier, Literal, TemplateLiteral, BinaryExpression, LogicalExpression, ConditionalExpression, UnaryExpression[operator!='void'][operator!='delete'], ArrayExpression, ObjectExpression, ArrowFunctionExpression, FunctionExpression, SequenceExpression)",
          message: "Expected an assignment or function call and instead saw an expression.",
        },
      ],
    },
  },
);
