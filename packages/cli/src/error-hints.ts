/**
 * What to do next, for the failures a user fixes in their own setup rather than in Vigil: the AWS
 * SDK's "Region is missing" and "Could not load credentials", and a local endpoint that is not
 * running. Looked for along the error's `cause` chain (wrappers such as the bus's queue lookup keep
 * the SDK's error there and its message in theirs). Undefined when there is nothing to add.
 */
export function hintFor(error: unknown): string | undefined {
  const messages: string[] = [];
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
    if (e instanceof Error) {
      messages.push(e.message);
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string") codes.push(code);
      e = e.cause;
    } else {
      messages.push(String(e));
      break;
    }
  }
  const said = messages.join("\n");
  if (/Region is missing/i.test(said))
    return "no AWS region: pass --region where the command takes it, or set AWS_REGION or a profile's region";
  if (/Could not load credentials from any providers/i.test(said))
    return "no AWS credentials: set AWS_PROFILE (or pass --profile where the command takes it), or run `aws configure` / `aws sso login`";
  if (codes.includes("ECONNREFUSED") || /ECONNREFUSED/.test(said))
    return "nothing answers at that address: is the endpoint (--endpoint, --platform-url) running?";
  return undefined;
}
