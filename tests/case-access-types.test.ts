// Proves that forgetting the case gate is a compile error: the fixture
// calls every per-case function with a bare id and with a hand-made
// look-alike of CaseAccess (each line marked "must not compile"), and with
// a real CaseAccess (no mark). The TypeScript compiler must report an error
// on exactly the marked lines.
import path from "node:path";
import fs from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "tests/type-fixtures/case-access.ts");

function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("tsconfig.json could not be read");
  return { ...config.options, noEmit: true, incremental: false, plugins: [] };
}

describe("CaseAccess", () => {
  it("is required by every per-case function: a bare id or a forged object does not compile", () => {
    const program = ts.createProgram([FIXTURE], compilerOptions());
    const source = program.getSourceFile(FIXTURE)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    const lineOf = (d: ts.Diagnostic) => source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    const errorLines = [...new Set(diagnostics.map(lineOf))].sort((a, b) => a - b);
    const marked = fs
      .readFileSync(FIXTURE, "utf8")
      .split("\n")
      .flatMap((line, index) => (line.includes("// must not compile") ? [index + 1] : []));
    expect(marked.length).toBeGreaterThanOrEqual(20);
    const messages = diagnostics.map((d) => `${lineOf(d)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    expect(errorLines, messages.join("\n")).toEqual(marked);
    // Each refusal is about the argument's type, not some unrelated mistake in the fixture.
    for (const d of diagnostics) expect([2345, 2353, 2739, 2741], messages.join("\n")).toContain(d.code);
  }, 120_000);
});
