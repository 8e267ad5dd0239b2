import type { IpPermission, NetworkAclEntry } from "../../assets/index.ts";

export const ANY_IPV4 = "0.0.0.0/0";
export const ANY_IPV6 = "::/0";

/** CIS 5.2-5.4: SSH and RDP. */
export const ADMIN_PORTS: readonly number[] = [22, 3389];
/** CIS 5.1.2: SMB/CIFS. */
export const CIFS_PORTS: readonly number[] = [445];
/** Security Hub EC2.19's list of high-risk ports. */
export const HIGH_RISK_PORTS: readonly number[] = [
  20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080,
  8088, 8888, 9200, 9300,
];

function coversTcpPort(
  protocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  port: number,
) {
  if (protocol === "-1") return true;
  if (protocol !== "tcp" && protocol !== "6") return false;
  return fromPort !== undefined && toPort !== undefined && fromPort <= port && port <= toPort;
}

/** The first of `ports` that some permission opens to `cidr` (`0.0.0.0/0` or `::/0`), or `undefined`. */
export function openPort(
  permissions: readonly IpPermission[],
  ports: readonly number[],
  cidr: typeof ANY_IPV4 | typeof ANY_IPV6,
): number | undefined {
  for (const p of permissions) {
    const ranges = cidr === ANY_IPV4 ? p.ipRanges : p.ipv6Ranges;
    if (!ranges.includes(cidr)) continue;
    for (const port of ports) {
      if (coversTcpPort(p.ipProtocol, p.fromPort, p.toPort, port)) return port;
    }
  }
  return undefined;
}

/**
 * Network ACL rules are evaluated in rule-number order and the first match wins, so a port is
 * open to the world when, for IPv4 or IPv6, the lowest-numbered ingress rule matching world
 * traffic to it allows.
 */
export function naclOpenPort(
  entries: readonly NetworkAclEntry[],
  ports: readonly number[],
): number | undefined {
  for (const port of ports) {
    if (naclAllowsFromWorld(entries, port, false) || naclAllowsFromWorld(entries, port, true)) return port;
  }
  return undefined;
}

function naclAllowsFromWorld(entries: readonly NetworkAclEntry[], port: number, ipv6: boolean): boolean {
  let firstRule = Number.POSITIVE_INFINITY;
  let allowed = false;
  for (const e of entries) {
    if (e.egress || e.ruleNumber >= firstRule) continue;
    if (ipv6 ? e.ipv6CidrBlock !== ANY_IPV6 : e.cidrBlock !== ANY_IPV4) continue;
    if (!coversTcpPort(e.protocol, e.portRange?.from, e.portRange?.to, port)) continue;
    firstRule = e.ruleNumber;
    allowed = e.ruleAction === "allow";
  }
  return allowed;
}
