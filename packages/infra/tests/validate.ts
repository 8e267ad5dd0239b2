import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RegoEngine, type StandardDiagnostic, TemplateFile } from "@aws/cloudformation-validate";

/** Runs AWS's offline validator over a rendered template (it reads templates from files only). */
export function validateTemplate(name: string, rendered: string): StandardDiagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), "vigil-cfn-"));
  const engine = new RegoEngine();
  try {
    const file = join(dir, name);
    writeFileSync(file, rendered);
    return engine.validateStandard(new TemplateFile(file)).diagnostics;
  } finally {
    engine.free();
    rmSync(dir, { recursive: true, force: true });
  }
}
