import { startPlatform } from "@vigil/platform";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import type { Command } from "commander";
import { adminTokenFor } from "../secrets/admin-token.ts";
import { readOidcSettingsFile } from "../secrets/oidc-settings.ts";
import { wholeNumber } from "./arguments.ts";

/**
 * `vigil platform`: run the control plane (API + dashboard) locally until Ctrl-C. With `--local`
 * it starts the local AWS stack and keeps the event log, views and replay guard in DynamoDB Local;
 * otherwise everything is in memory.
 */
export function register(program: Command): void {
  program
    .command("platform")
    .description("Run the Vigil platform (API and dashboard) locally and print its URL")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", wholeNumber(0, 65535), 0)
    .option(
      "--admin-token-file <path>",
      "file holding the admin token (else VIGIL_ADMIN_TOKEN, else a new one written to ~/.vigil/admin-token, mode 0600)",
    )
    .option("--local", "run on the local AWS stack's DynamoDB Local (needs java) instead of in memory")
    .option(
      "--oidc <file>",
      "sign-in through an OpenID Connect provider: JSON {issuer, clientId, clientSecret?, adminValues, viewerValues, ...} (mode 0600 when it holds the secret)",
    )
    .action(async (options: { port: number; adminTokenFile?: string; local?: boolean; oidc?: string }) => {
      const port = options.port;
      const oidc = options.oidc ? readOidcSettingsFile(options.oidc) : undefined;
      // Never from argv (every local user sees it in `ps`) and never printed.
      const { token: adminToken, from } = adminTokenFor(
        options.adminTokenFile ? { file: options.adminTokenFile } : {},
      );
      let localAws: LocalAws | undefined;
      if (options.local) {
        localAws = await startLocalAws();
        console.log("Local AWS stack started (fauxqs listens on all interfaces: for local use only).");
      }
      const platform = await startPlatform({
        adminToken,
        port,
        ...(localAws ? { localAws } : {}),
        ...(oidc ? { config: { oidc } } : {}),
      }).catch(async (error: NodeJS.ErrnoException) => {
        await localAws?.stop();
        if (error.code === "EADDRINUSE")
          throw new Error(
            `port ${port} on 127.0.0.1 is in use by another program: choose another with --port, or --port 0 for a free one`,
          );
        throw error;
      });
      console.log(`Vigil platform listening on ${platform.url} (loopback only; ${platform.storage})`);
      console.log(
        `Dashboard: ${platform.url}/dashboard  (sign in as admin; the password is the admin token)`,
      );
      console.log(`Admin token: in ${from}`);
      if (oidc) {
        console.log(
          `Sign-in through ${oidc.name ?? oidc.issuer}: register ${platform.url}/sign-in/oidc/callback as a redirect URI of client ${oidc.clientId}`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await platform.stop();
      await localAws?.stop();
    });
}
