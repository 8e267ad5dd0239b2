import { randomBytes } from "node:crypto";
import { startPlatform } from "@vigil/platform";
import { type LocalAws, startLocalAws } from "@vigil/testkit";
import type { Command } from "commander";

/**
 * `vigil platform`: run the control plane (API + dashboard) locally until Ctrl-C. With `--local`
 * it starts the local AWS stack and keeps the event log, views and replay guard in DynamoDB Local;
 * otherwise everything is in memory.
 */
export function register(program: Command): void {
  program
    .command("platform")
    .description("Run the Vigil platform (API and dashboard) locally and print its URL")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", "0")
    .option("--admin-token <token>", "admin bearer token (default: a random one, printed)")
    .option("--local", "run on the local AWS stack's DynamoDB Local (needs java) instead of in memory")
    .action(async (options: { port: string; adminToken?: string; local?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        program.error(`--port must be an integer between 0 and 65535; got "${options.port}".`);
      }
      const adminToken = options.adminToken ?? randomBytes(24).toString("hex");
      let localAws: LocalAws | undefined;
      if (options.local) {
        localAws = await startLocalAws();
        console.log("Local AWS stack started (fauxqs listens on all interfaces: for local use only).");
      }
      const platform = await startPlatform({ adminToken, port, ...(localAws ? { localAws } : {}) });
      console.log(`Vigil platform listening on ${platform.url} (loopback only; ${platform.storage})`);
      console.log(`Dashboard: ${platform.url}/dashboard  (user: admin, password: the admin token)`);
      console.log(`Admin token: ${adminToken}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await platform.stop();
      await localAws?.stop();
    });
}
