import { acmCertificateAsset } from "../../../collectors/acm.ts";
import { certificate, described, SUMMARY, WHERE } from "../../_cases/acm.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.acm.certificate-transparency-logging`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "ENABLED",
    asset: certificate(),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "no preference: AWS's default, enabled",
    asset: acmCertificateAsset(WHERE, SUMMARY, { ok: true, value: described(undefined) }),
    expect: "pass",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "DISABLED",
    asset: certificate({}, "DISABLED"),
    expect: "fail",
  },
  {
    check: "vigil.acm.certificate-transparency-logging",
    name: "imported",
    asset: certificate({ Type: "IMPORTED" }, "DISABLED"),
    expect: "n/a",
  },
];
