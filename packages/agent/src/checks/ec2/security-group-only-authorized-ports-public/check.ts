import type { IpPermission } from "../../../assets/index.ts";
import { defineCheck, fail, pass } from "../../check.ts";
import { ANY_IPV4, ANY_IPV6 } from "../ports.ts";

/** AWS Config's vpc-sg-open-only-to-authorized-ports as FSBP EC2.18 sets it: TCP 80 and 443, no UDP port. */
const AUTHORIZED_TCP_PORTS: readonly number[] = [80, 443];
const ICMP = new Set(["icmp", "1", "icmpv6", "58"]);

const AUTHORIZED_ONLY = pass("only TCP 80 and 443 are open to the internet, if anything");

/** What a permission open to the world opens beyond the authorized ports, or `undefined`. */
function unauthorized(p: IpPermission): string | undefined {
  if (ICMP.has(p.ipProtocol)) return undefined; // the rule covers TCP and UDP
  if (p.ipProtocol === "-1") return "all traffic";
  const from = p.fromPort ?? 0;
  const to = p.toPort ?? 65535;
  const ports = from === to ? `${from}` : `${from}-${to}`;
  if (p.ipProtocol === "tcp" || p.ipProtocol === "6")
    return from === to && AUTHORIZED_TCP_PORTS.includes(from) ? undefined : `TCP ${ports}`;
  return `${p.ipProtocol === "udp" || p.ipProtocol === "17" ? "UDP" : `protocol ${p.ipProtocol}`} ${ports}`;
}

export const securityGroupOnlyAuthorizedPortsPublic = defineCheck({
  id: "vigil.ec2.security-group-only-authorized-ports-public",
  title: "Security groups should only allow unrestricted incoming traffic for authorized ports",
  severity: "high",
  resourceType: "aws.ec2.security-group",
  reads: ["ipPermissions"],
  rationale:
    "A port reachable from any address is probed within minutes of opening; beyond the web ports a public service is meant to answer on, each one is attack surface nobody asked for.",
  remediation:
    "aws ec2 revoke-security-group-ingress --group-id <sg> --ip-permissions IpProtocol=<proto>,FromPort=<from>,ToPort=<to>,IpRanges=[{CidrIp=0.0.0.0/0}] and allow the sources that need it instead (console: EC2 > Security Groups > Inbound rules > Edit).",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
    "https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-open-only-to-authorized-ports.html",
  ],
  mappings: { cis: [], fsbp: ["EC2.18"] },
  evaluate: (asset) => {
    for (const p of asset.config.ipPermissions) {
      const cidr = p.ipRanges.includes(ANY_IPV4)
        ? ANY_IPV4
        : p.ipv6Ranges.includes(ANY_IPV6)
          ? ANY_IPV6
          : undefined;
      if (cidr === undefined) continue;
      const what = unauthorized(p);
      if (what !== undefined) return fail(`${what} is open to ${cidr}`);
    }
    return AUTHORIZED_ONLY;
  },
});
