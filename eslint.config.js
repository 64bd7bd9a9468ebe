// @ts-check
// Lint rules that keep the layers visible (run by `npm test`, and by
// `npm run lint`). Routes in app/ reach data only through lib/<domain>:
// they never import the Prisma client or the audit writer, so every read
// and write passes the policy and the audit in one place. The health check
// is the one exception: it asks the database whether it is up.
import tsParser from "@typescript-eslint/parser";

const layerMessage = "app/ reaches data through lib/<domain> (queries, actions, routes), never the Prisma client or the audit writer directly.";
// zod is configured once (lib/zod.ts: no eval probe under the strict CSP); type-only imports need no configuration.
const zodPath = { name: "zod", message: "Import z from @/lib/zod, which configures zod for the Content-Security-Policy.", allowTypeImports: true };
// Links fetch their page only when opened (components/ui/link.tsx).
const linkPath = { name: "next/link", message: "Import { Link } from @/components/ui/link, which does not fetch pages nobody opened." };

export default [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "tests/type-fixtures/**"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    ignores: ["app/api/health/route.ts", "components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: layerMessage },
            { name: "@/lib/audit", message: layerMessage },
            { name: "@/lib/prisma-client", message: layerMessage },
            zodPath,
            linkPath,
          ],
          patterns: [{ regex: "^(\\.\\./)+lib/(db|audit|prisma-client)$", message: layerMessage }],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [zodPath] }] },
  },
];
