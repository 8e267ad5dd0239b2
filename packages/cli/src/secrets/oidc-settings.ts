import { readFileSync, statSync } from "node:fs";
import { type OidcSettings, parseOidcSettings } from "@vigil/platform";

/**
 * `vigil platform --oidc <file>`: the identity provider's settings as JSON (what the deployed
 * platform keeps in its SecureString's `oidc`). A file holding a client secret must be readable by
 * its owner only, as ssh requires of a private key; what is wrong is named, the secret never shown.
 */
export function readOidcSettingsFile(path: string): OidcSettings {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`--oidc ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`--oidc ${path}: not JSON; see the platform's docs/sign-in.md for the settings`);
  }
  const settings = parseOidcSettings(json, `--oidc ${path}`);
  const mode = statSync(path).mode & 0o777;
  if (settings.clientSecret !== undefined && (mode & 0o077) !== 0) {
    throw new Error(
      `--oidc ${path}: it holds a client secret and others can read it (mode ${mode.toString(8)}); run chmod 600 ${path}`,
    );
  }
  return settings;
}
