#!/usr/bin/env node
// Before the test suite starts: is every tool the tests need on this machine? Each missing one is
// named with the exact command that installs it, and the run stops here, instead of a test failing
// halfway through. `.ci/run` installs them on a fresh machine.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
    }).trim();
  } catch {
    return undefined;
  }
};

const missing = [];
if (run("java", ["-version"]) === undefined)
  missing.push([
    "Java (DynamoDB Local, the event log's integration tests)",
    "apt-get install -y openjdk-17-jre-headless",
  ]);
if (!existsSync("/usr/bin/chromium"))
  missing.push(["Chromium at /usr/bin/chromium (the dashboard test)", "apt-get install -y chromium"]);
const moto = run("python3", ["-c", "import moto, werkzeug; print(moto.__version__)"]);
if (moto === undefined || !moto.startsWith("5."))
  missing.push([
    `moto 5 for Python 3 (the emulated AWS account)${moto ? `; found ${moto}` : ""}`,
    "pip install 'moto[server]>=5.2,<6'",
  ]);
if (run("cfn-lint", ["--version"]) === undefined)
  missing.push(["cfn-lint (every template is linted)", "pip install 'cfn-lint==1.51.*'"]);
// AWS's API models: the botocore Python imports (moto's), or BOTOCORE_DATA; 1.36 or later, as in
// testkit's MIN_BOTOCORE_VERSION.
const models =
  process.env.BOTOCORE_DATA ??
  run("python3", [
    "-c",
    "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))",
  ]);
const botocore = models
  ? /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(
      existsSync(join(models, "..", "__init__.py"))
        ? readFileSync(join(models, "..", "__init__.py"), "utf8")
        : "",
    )?.[1]
  : undefined;
const [major = 0, minor = 0] = (botocore ?? "").split(".").map(Number);
if (!models || !existsSync(join(models, "ec2")) || (botocore !== undefined && major === 1 && minor < 36))
  missing.push([
    `AWS's API models, botocore 1.36 or later (the snapshot validator reads them)${botocore ? `; found ${botocore}` : ""}`,
    "pip install 'moto[server]>=5.2,<6' 'botocore>=1.36.0'",
  ]);
const node22 = run("npx", ["-y", "node@22", "--version"]);
if (node22 === undefined || !node22.startsWith("v22."))
  missing.push([
    "Node 22 (the Lambda runtime the built zips run on)",
    "npx -y node@22 --version  # needs the npm registry",
  ]);

if (missing.length > 0) {
  process.stderr.write(
    "The tests need tools this machine does not have. Install them, then run the tests again:\n",
  );
  for (const [what, command] of missing) process.stderr.write(`  - ${what}:\n      ${command}\n`);
  process.stderr.write("(.ci/run installs all of them on a fresh machine.)\n");
  process.exit(1);
}
