import { defineCheck, fail, pass } from "../../check.ts";

const CLEAN = pass("no source repository URL carries a token or user name and password");
const EXPOSED = fail("a source repository URL carries a token or user name and password");

export const projectSourceUrlNoCredentials = defineCheck({
  id: "vigil.codebuild.project-source-url-no-credentials",
  title: "CodeBuild Bitbucket source repository URLs should not contain sensitive credentials",
  severity: "critical",
  resourceType: "aws.codebuild.project",
  reads: ["sourceUrlHasCredentials"],
  rationale:
    "A token or password in the repository URL is stored in clear text with the project and shown to anyone who can read it; OAuth or a CodeConnections connection keeps it out.",
  remediation:
    "aws codebuild update-project --name <name> --source type=BITBUCKET,location=https://bitbucket.org/<workspace>/<repo>.git,auth={type=CODECONNECTIONS,resource=<connection-arn>}",
  references: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html",
  ],
  mappings: { cis: [], fsbp: ["CodeBuild.1"] },
  evaluate: (asset) => (asset.config.sourceUrlHasCredentials ? EXPOSED : CLEAN),
});
