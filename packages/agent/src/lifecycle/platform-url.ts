/**
 * The platform's base URL. The token exchange returns the service's private key in its answer and
 * every later request carries signed facts about the account, so the URL must be `https://`. Plain
 * `http://` is allowed only to a loopback host (`127.0.0.1`, `localhost`, `[::1]`, any port), where
 * nothing leaves the machine: the local demo and the tests.
 */

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** What is wrong with `url` as the platform's URL, or undefined when it is fine. */
export function platformUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL; give the platform's https:// base URL, e.g. https://vigil.example.com (http:// only on 127.0.0.1, localhost or [::1], for local runs)`;
  }
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)) return undefined;
  if (parsed.protocol === "http:") {
    return `"${url}" is plain http: the registration would send the service's private key unencrypted. Use the platform's https:// URL (http:// is accepted only for 127.0.0.1, localhost or [::1], for local runs)`;
  }
  return `"${url}" uses ${parsed.protocol.replace(/:$/, "")}; the platform is reached over https:// (or http:// on 127.0.0.1, localhost or [::1] for local runs)`;
}
