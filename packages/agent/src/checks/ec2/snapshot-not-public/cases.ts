import { snapshot } from "../../_cases/aws.ts";
import type { CheckCase } from "../../_cases/case.ts";

/** Compliant and non-compliant cases of `vigil.ec2.snapshot-not-public`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.ec2.snapshot-not-public",
    name: "shared with one account",
    asset: snapshot({ SnapshotId: "snap-1", Encrypted: false }, [{ UserId: "210987654321" }]),
    expect: "pass",
  },
  {
    check: "vigil.ec2.snapshot-not-public",
    name: "createVolumePermission group all",
    asset: snapshot({ SnapshotId: "snap-2", Encrypted: false }, [{ Group: "all" }]),
    expect: "fail",
  },
];
