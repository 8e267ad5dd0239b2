import { fail, pass } from "../check.ts";
import { osCheck, sysctlOutcome, sysctlValue } from "./common.ts";

/**
 * Kernel parameters (CIS DIL 1.5, 3.1, 3.2) as the sysctl files set them at boot. A key no file sets
 * takes the kernel's documented default only where `KERNEL_DEFAULTS` lists one; otherwise it fails
 * as "not set", as CIS asks for these to be configured persistently.
 */

function sysctlCheck(options: {
  id: string;
  title: string;
  severity: "high" | "medium" | "low";
  wanted: Readonly<Record<string, readonly string[]>>;
  passEvidence: string;
  rationale: string;
  remediation: string;
  cisLinux: readonly string[];
}) {
  return osCheck({
    id: options.id,
    title: options.title,
    severity: options.severity,
    reads: ["sysctl"],
    rationale: options.rationale,
    remediation: options.remediation,
    cisLinux: options.cisLinux,
    evaluate: ({ config }) => sysctlOutcome(config, options.wanted, options.passEvidence),
  });
}

const both = (family: "ipv4" | "ipv6", name: string, values: readonly string[]) => ({
  [`net.${family}.conf.all.${name}`]: values,
  [`net.${family}.conf.default.${name}`]: values,
});

const inFile = (lines: string) => `Set ${lines} in a file under /etc/sysctl.d/ and run sysctl --system.`;

export const ipForwardingDisabled = sysctlCheck({
  id: "vigil.os.sysctl-ip-forwarding-disabled",
  title: "IPv4 and IPv6 forwarding should be disabled",
  severity: "medium",
  wanted: { "net.ipv4.ip_forward": ["0"], "net.ipv6.conf.all.forwarding": ["0"] },
  passEvidence: "the host does not route packets",
  rationale: "A host that forwards packets can be used to reach networks its security groups should isolate.",
  remediation: inFile("net.ipv4.ip_forward = 0 and net.ipv6.conf.all.forwarding = 0"),
  cisLinux: ["3.1.1"],
});

export const sendRedirectsDisabled = sysctlCheck({
  id: "vigil.os.sysctl-send-redirects-disabled",
  title: "The host should not send ICMP redirects",
  severity: "low",
  wanted: both("ipv4", "send_redirects", ["0"]),
  passEvidence: "send_redirects is 0 for all and default",
  rationale: "Only routers send redirects; a host that does can be used to poison other hosts' routes.",
  remediation: inFile("net.ipv4.conf.all.send_redirects = 0 and net.ipv4.conf.default.send_redirects = 0"),
  cisLinux: ["3.1.2"],
});

export const sourceRoutesRejected = sysctlCheck({
  id: "vigil.os.sysctl-source-routes-rejected",
  title: "Source-routed packets should be rejected",
  severity: "medium",
  wanted: { ...both("ipv4", "accept_source_route", ["0"]), ...both("ipv6", "accept_source_route", ["0"]) },
  passEvidence: "accept_source_route is 0 for IPv4 and IPv6",
  rationale: "Source routing lets a sender choose the path, bypassing network controls.",
  remediation: inFile("net.ipv4.conf.{all,default}.accept_source_route = 0 and the net.ipv6 equivalents"),
  cisLinux: ["3.2.1"],
});

export const icmpRedirectsRejected = sysctlCheck({
  id: "vigil.os.sysctl-icmp-redirects-rejected",
  title: "ICMP redirects should be ignored",
  severity: "medium",
  wanted: { ...both("ipv4", "accept_redirects", ["0"]), ...both("ipv6", "accept_redirects", ["0"]) },
  passEvidence: "accept_redirects is 0 for IPv4 and IPv6",
  rationale: "Accepting redirects lets anyone on the network reroute the host's traffic through them.",
  remediation: inFile("net.ipv4.conf.{all,default}.accept_redirects = 0 and the net.ipv6 equivalents"),
  cisLinux: ["3.2.2"],
});

export const secureRedirectsRejected = sysctlCheck({
  id: "vigil.os.sysctl-secure-redirects-rejected",
  title: "Secure ICMP redirects should be ignored",
  severity: "low",
  wanted: both("ipv4", "secure_redirects", ["0"]),
  passEvidence: "secure_redirects is 0 for all and default",
  rationale: "A compromised gateway can still reroute traffic through secure redirects.",
  remediation: inFile(
    "net.ipv4.conf.all.secure_redirects = 0 and net.ipv4.conf.default.secure_redirects = 0",
  ),
  cisLinux: ["3.2.3"],
});

export const martiansLogged = sysctlCheck({
  id: "vigil.os.sysctl-martians-logged",
  title: "Packets with impossible addresses should be logged",
  severity: "low",
  wanted: both("ipv4", "log_martians", ["1"]),
  passEvidence: "log_martians is 1 for all and default",
  rationale: "Logged martians show spoofing attempts that otherwise go unseen.",
  remediation: inFile("net.ipv4.conf.all.log_martians = 1 and net.ipv4.conf.default.log_martians = 1"),
  cisLinux: ["3.2.4"],
});

export const broadcastIcmpIgnored = sysctlCheck({
  id: "vigil.os.sysctl-broadcast-icmp-ignored",
  title: "Broadcast ICMP echo requests should be ignored",
  severity: "low",
  wanted: { "net.ipv4.icmp_echo_ignore_broadcasts": ["1"] },
  passEvidence: "icmp_echo_ignore_broadcasts is 1",
  rationale: "Answering broadcast pings makes the host an amplifier in smurf attacks.",
  remediation: inFile("net.ipv4.icmp_echo_ignore_broadcasts = 1"),
  cisLinux: ["3.2.5"],
});

export const bogusIcmpIgnored = sysctlCheck({
  id: "vigil.os.sysctl-bogus-icmp-ignored",
  title: "Bogus ICMP error responses should be ignored",
  severity: "low",
  wanted: { "net.ipv4.icmp_ignore_bogus_error_responses": ["1"] },
  passEvidence: "icmp_ignore_bogus_error_responses is 1",
  rationale: "Logging bogus ICMP errors lets a sender fill the disk with log lines.",
  remediation: inFile("net.ipv4.icmp_ignore_bogus_error_responses = 1"),
  cisLinux: ["3.2.6"],
});

export const reversePathFilter = sysctlCheck({
  id: "vigil.os.sysctl-reverse-path-filter",
  title: "Reverse path filtering should be strict",
  severity: "low",
  wanted: both("ipv4", "rp_filter", ["1"]),
  passEvidence: "rp_filter is 1 for all and default",
  rationale:
    "Strict reverse path filtering drops spoofed packets that could not have come from where they claim.",
  remediation: inFile("net.ipv4.conf.all.rp_filter = 1 and net.ipv4.conf.default.rp_filter = 1"),
  cisLinux: ["3.2.7"],
});

export const tcpSyncookies = sysctlCheck({
  id: "vigil.os.sysctl-tcp-syncookies",
  title: "TCP SYN cookies should be enabled",
  severity: "low",
  wanted: { "net.ipv4.tcp_syncookies": ["1"] },
  passEvidence: "tcp_syncookies is 1",
  rationale: "SYN cookies keep the host answering during a SYN flood.",
  remediation: inFile("net.ipv4.tcp_syncookies = 1"),
  cisLinux: ["3.2.8"],
});

export const ipv6RouterAdsRejected = sysctlCheck({
  id: "vigil.os.sysctl-ipv6-router-ads-rejected",
  title: "IPv6 router advertisements should be ignored",
  severity: "low",
  wanted: both("ipv6", "accept_ra", ["0"]),
  passEvidence: "accept_ra is 0 for all and default",
  rationale: "Accepting router advertisements lets anyone on the link become the host's IPv6 router.",
  remediation: inFile("net.ipv6.conf.all.accept_ra = 0 and net.ipv6.conf.default.accept_ra = 0"),
  cisLinux: ["3.2.9"],
});

export const aslrEnabled = sysctlCheck({
  id: "vigil.os.sysctl-aslr-enabled",
  title: "Address space layout randomization should be full (2)",
  severity: "medium",
  wanted: { "kernel.randomize_va_space": ["2"] },
  passEvidence: "randomize_va_space is 2",
  rationale: "ASLR makes memory-corruption exploits much harder to write reliably.",
  remediation: inFile("kernel.randomize_va_space = 2"),
  cisLinux: ["1.5.3"],
});

export const coreDumpsRestricted = osCheck({
  id: "vigil.os.core-dumps-restricted",
  title: "Core dumps should be off for setuid programs and limited to 0 for every user",
  severity: "low",
  reads: ["sysctl", "coreDumpHardLimit"],
  rationale: "A core dump of a privileged program can hold passwords and keys, readable from the dump file.",
  remediation:
    "Add '* hard core 0' to /etc/security/limits.conf and set fs.suid_dumpable = 0 in /etc/sysctl.d/.",
  cisLinux: ["1.5.1"],
  evaluate: ({ config }) => {
    const dumpable = sysctlValue(config.sysctl, "fs.suid_dumpable");
    if (dumpable && dumpable.value.trim() !== "0")
      return fail(`fs.suid_dumpable is ${dumpable.value} (from ${dumpable.source})`);
    if (config.coreDumpHardLimit !== "0")
      return fail(
        config.coreDumpHardLimit === null
          ? "no hard core limit for every user"
          : `hard core limit is ${config.coreDumpHardLimit}`,
      );
    return pass("hard core limit 0 and fs.suid_dumpable 0");
  },
});

export const KERNEL_CHECKS = [
  ipForwardingDisabled,
  sendRedirectsDisabled,
  sourceRoutesRejected,
  icmpRedirectsRejected,
  secureRedirectsRejected,
  martiansLogged,
  broadcastIcmpIgnored,
  bogusIcmpIgnored,
  reversePathFilter,
  tcpSyncookies,
  ipv6RouterAdsRejected,
  aslrEnabled,
  coreDumpsRestricted,
];
