import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Where a local platform's admin token comes from, never from argv (visible to every user in `ps`)
 * nor printed: `VIGIL_ADMIN_TOKEN`, else `--admin-token-file`, else a new random token written to
 * a file only the user can read (0600). What is printed is the file's path.
 */
export interface AdminTokenSource {
  token: string;
  /** Where it was read from or written to, for the startup line. */
  from: string;
}

export function defaultAdminTokenFile(): string {
  return join(homedir(), ".vigil", "admin-token");
}

export function adminTokenFor(options: {
  env?: Record<string, string | undefined>;
  file?: string;
  /** Write a new token here when none is configured (default `~/.vigil/admin-token`). */
  writeTo?: string;
}): AdminTokenSource {
  const env = options.env ?? process.env;
  const fromEnv = env.VIGIL_ADMIN_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, from: "the VIGIL_ADMIN_TOKEN environment variable" };
  if (options.file) {
    const token = readFileSync(options.file, "utf8").trim();
    if (token.length < 16) throw new Error(`${options.file} holds no admin token of 16+ characters`);
    return { token, from: options.file };
  }
  const path = options.writeTo ?? defaultAdminTokenFile();
  const token = randomBytes(32).toString("base64url");
  writeSecretFile(path, `${token}\n`);
  return { token, from: path };
}

/** A file only its owner can read or write (its directory too, when created here). */
export function writeSecretFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
}
