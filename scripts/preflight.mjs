#!/usr/bin/env node
// Before the test suite starts: is every tool the tests need on this machine? Each missing one is
// named with the exact command that installs it, and the run stops here, instead of a test failing
// halfway through. `.ci/run` installs them on a fresh machine.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
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
const models =
  process.env.BOTOCORE_DATA ?? join(root, ".botocore/usr/lib/python3/dist-packages/botocore/data");
if (!existsSync(join(models, "ec2")))
  missing.push([
    "AWS's API models (Debian's python3-botocore, unpacked; the snapshot validator reads them)",
    "mkdir -p .botocore && (cd .botocore && apt-get download python3-botocore && dpkg -x python3-botocore_*.deb .)",
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
