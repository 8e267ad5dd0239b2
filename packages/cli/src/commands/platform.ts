import { randomBytes } from "node:crypto";
import { InMemoryEventStore } from "@vigil/events";
import { startPlatform } from "@vigil/platform";
import type { Command } from "commander";

/**
 * `vigil platform`: run the control plane (API + dashboard) locally until Ctrl-C.
 * The event log is in memory for now; the DynamoDB Local wiring lands with the event table helper.
 */
export function register(program: Command): void {
  program
    .command("platform")
    .description("Run the Vigil platform (API and dashboard) locally and print its URL")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", "0")
    .option("--admin-token <token>", "admin bearer token (default: a random one, printed)")
    .action(async (options: { port: string; adminToken?: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        program.error(`--port must be an integer between 0 and 65535; got "${options.port}".`);
      }
      const adminToken = options.adminToken ?? randomBytes(24).toString("hex");
      const platform = await startPlatform({ eventStore: new InMemoryEventStore(), adminToken, port });
      console.log(`Vigil platform listening on ${platform.url} (loopback only; event log in memory)`);
      console.log(`Dashboard: ${platform.url}/dashboard  (user: admin, password: the admin token)`);
      console.log(`Admin token: ${adminToken}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await platform.stop();
    });
}
