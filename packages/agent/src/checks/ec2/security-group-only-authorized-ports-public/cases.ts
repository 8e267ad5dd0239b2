import type { CheckCase } from "../../_cases/case.ts";
import { allTraffic, office, sg, world, world6 } from "../../_cases/ec2.ts";

/** Compliant and non-compliant cases of `vigil.ec2.security-group-only-authorized-ports-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "HTTP and HTTPS public, SSH from the office",
    asset: sg([world(443), world(80), office(22)]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "ICMP public (not TCP or UDP)",
    asset: sg([world(-1, { IpProtocol: "icmp" })]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "TCP 8080 public",
    asset: sg([world(443), world(8080)]),
    expect: "fail",
    evidence: /TCP 8080 is open to 0\.0\.0\.0\/0/,
  },
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "TCP 80-443 over IPv6 (covers more than the two)",
    asset: sg([
      world6(80),
      world(80, { FromPort: 80, ToPort: 443, IpRanges: [], Ipv6Ranges: [{ CidrIpv6: "::/0" }] }),
    ]),
    expect: "fail",
    evidence: /TCP 80-443 is open to ::\/0/,
  },
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "UDP 53 public",
    asset: sg([world(53, { IpProtocol: "udp" })]),
    expect: "fail",
    evidence: /UDP 53/,
  },
  {
    check: "vigil.ec2.security-group-only-authorized-ports-public",
    name: "all traffic public",
    asset: sg([allTraffic]),
    expect: "fail",
  },
];
