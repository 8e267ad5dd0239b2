import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { type RegionClients, registerClients } from "./clients.ts";

registerClients({ ec2: EC2Client });

/**
 * The regions enabled for the account (`ec2:DescribeRegions` without `AllRegions`). Its own
 * module, loaded with `import()` when a scan plans its regions, so the EC2 client stays out of
 * the agent's cold start.
 */
export async function enabledRegionNames(home: RegionClients): Promise<string[]> {
  const out = await home.ec2.send(new DescribeRegionsCommand({}));
  return (out.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => !!r);
}
