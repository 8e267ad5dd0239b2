import { configSettings } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.config.recorder-enabled`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.config.recorder-enabled",
    name: "recording all supported",
    asset: configSettings(
      { ConfigurationRecorders: [{ name: "default", recordingGroup: { allSupported: true } }] },
      { ConfigurationRecordersStatus: [{ name: "default", recording: true, lastStatus: "SUCCESS" }] },
    ),
    expect: "pass",
  },
  {
    check: "vigil.config.recorder-enabled",
    name: "recorder stopped",
    asset: configSettings(
      { ConfigurationRecorders: [{ name: "default", recordingGroup: { allSupported: true } }] },
      { ConfigurationRecordersStatus: [{ name: "default", recording: false, lastStatus: "SUCCESS" }] },
    ),
    expect: "fail",
  },
  {
    check: "vigil.config.recorder-enabled",
    name: "no recorder",
    asset: configSettings({ ConfigurationRecorders: [] }, { ConfigurationRecordersStatus: [] }),
    expect: "fail",
    evidence: /no configuration recorder/,
  },
];
