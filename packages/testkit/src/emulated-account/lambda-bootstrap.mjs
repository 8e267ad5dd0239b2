// The Lambda runtime's part, inside the Node 22 child the runner starts for one invocation: load the
// function's module from its unzipped code, call its handler with the event and a context, write the
// outcome as JSON to the file the runner named, and exit (Lambda freezes the process once the handler
// has answered; nothing it left running may answer later). Plain JavaScript: it runs the built zip,
// not the sources.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const invocation = JSON.parse(readFileSync(process.env.VIGIL_RUNNER_INVOCATION, "utf8"));
const outcomePath = process.env.VIGIL_RUNNER_OUTCOME;
let written = false;

function finish(outcome, code) {
  if (!written) {
    written = true;
    writeFileSync(outcomePath, JSON.stringify(outcome));
  }
  process.exit(code);
}

function failure(phase, error) {
  return {
    ok: false,
    phase,
    errorType: error instanceof Error ? error.name : typeof error,
    errorMessage: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error && typeof error.stack === "string" ? error.stack.split("\n") : [],
  };
}

process.on("uncaughtException", (error) => finish(failure("uncaught", error), 1));
process.on("unhandledRejection", (error) => finish(failure("unhandled-rejection", error), 1));

const dot = invocation.handler.lastIndexOf(".");
const moduleName = invocation.handler.slice(0, dot);
const exportName = invocation.handler.slice(dot + 1);
const file = [".mjs", ".js", ".cjs"]
  .map((ext) => join(invocation.codeDir, `${moduleName}${ext}`))
  .find((f) => existsSync(f));
if (!file)
  finish(
    failure("init", new Error(`Runtime.ImportModuleError: no ${moduleName}.mjs/.js/.cjs in the zip`)),
    1,
  );

let mod;
try {
  mod = await import(pathToFileURL(file).href);
} catch (error) {
  finish(failure("init", error), 1);
}
const handler = mod[exportName];
if (typeof handler !== "function")
  finish(failure("init", new Error(`Runtime.HandlerNotFound: ${invocation.handler} is not a function`)), 1);

const deadline = invocation.deadline;
const context = {
  awsRequestId: invocation.requestId,
  functionName: invocation.functionName,
  functionVersion: invocation.version,
  invokedFunctionArn: invocation.invokedArn,
  memoryLimitInMB: String(invocation.memorySize),
  logGroupName: `/aws/lambda/${invocation.functionName}`,
  logStreamName: `emulated/${invocation.requestId}`,
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
};

try {
  const result = await handler(invocation.event, context);
  finish({ ok: true, result: result === undefined ? null : result }, 0);
} catch (error) {
  finish(failure("handler", error), 0);
}
