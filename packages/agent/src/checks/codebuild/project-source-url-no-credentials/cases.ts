import type { CheckCase } from "../../_cases/case.ts";
import { project } from "../../_cases/codebuild.ts";

/** Compliant and non-compliant cases of `vigil.codebuild.project-source-url-no-credentials`, built from AWS's answers through the collector's mapper. */
export const cases: CheckCase[] = [
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "GitHub URL without user information",
    asset: project(),
    expect: "pass",
  },
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "Bitbucket URL with user:password",
    asset: project({
      source: { type: "BITBUCKET", location: "https://builder:hunter2@bitbucket.org/example/api.git" },
    }),
    expect: "fail",
  },
  {
    check: "vigil.codebuild.project-source-url-no-credentials",
    name: "secondary GitHub source with a personal access token",
    asset: project({
      secondarySources: [
        {
          type: "GITHUB",
          location: "https://ghp_0123456789abcdefABCDEF0123456789abcd@github.com/example/lib.git",
          sourceIdentifier: "lib",
        },
      ],
    }),
    expect: "fail",
  },
];
