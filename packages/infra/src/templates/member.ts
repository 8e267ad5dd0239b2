// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The organization member stack: what the organization's StackSet deploys in every member account
 * (and the organization template in the management account). The StackSet gives every account the
 * same parameters; each account's integration at the platform is `<organization integration
 * id>-<account id>`, which only the account's own stack can compute — so this template computes it
 * and installs the root template, nested, with that id, an empty registration token and the
 * organization's enrollment secret: the custom resource enrolls the account (its identity proven
 * by AWS) instead of exchanging a token.
 */
import { vigilTags } from "../tags.ts";
import { type CfnParameter, type CfnTemplate, ref, sub } from "./cfn.ts";
import { ARTIFACTS, rootParameters } from "./root.ts";

/** The organization integration's id, as the platform issues it (`org-` and 12 characters). */
export const ORGANIZATION_INTEGRATION_ID_PATTERN = "^org-[a-z0-9]{12}$";

/** Root parameters every member stack gets unchanged from the StackSet. */
export const MEMBER_PASSED_THROUGH = [
  "PlatformUrl",
  "EnrollmentSecret",
  "OrganizationId",
  "ArtifactBucket",
  "ArtifactPrefix",
  "ScanIntervalHours",
  "HeartbeatMinutes",
  "UpdateCheckHours",
  "ScanRegions",
  "Policies",
  "DisabledChecks",
  "ReleasePublicKeys",
  "EnableEbsScanning",
  "ScannerImageParameter",
  "AlertEmail",
  "PlatformEventBusArn",
] as const;

/** The member template's (and the StackSet template's) parameters. */
export function memberParameters(releaseVersion: string): Record<string, CfnParameter> {
  const passed = Object.fromEntries(
    MEMBER_PASSED_THROUGH.map((name) => [name, rootParameters[name] as CfnParameter]),
  ) as Record<string, CfnParameter>;
  return {
    IntegrationId: {
      Type: "String",
      Description:
        "The organization integration's id, issued by the Vigil platform (POST /admin/organizations); each account's is <this>-<account id>",
      AllowedPattern: ORGANIZATION_INTEGRATION_ID_PATTERN,
      ConstraintDescription: "org- and 12 lower-case letters or digits, as the platform issued it",
    },
    ...passed,
    EnrollmentSecret: {
      ...(passed.EnrollmentSecret as CfnParameter),
      Description: "The organization's enrollment secret (POST /admin/organizations/<id>/enrollment-secrets)",
      Default: undefined,
      MinLength: 1,
    } as CfnParameter,
    OrganizationId: {
      Type: "String",
      Description: "The AWS Organization the secret is bound to (o-…)",
      AllowedPattern: "^o-[a-z0-9]{10,32}$",
      ConstraintDescription: "an AWS Organizations id such as o-a1b2c3d4e5",
    },
    ArtifactPrefix: { ...(passed.ArtifactPrefix as CfnParameter), Default: `releases/${releaseVersion}` },
    ScannerSubnetIds: {
      Type: "CommaDelimitedList",
      Description:
        "Subnets the scanner uses in every account (a subnet shared with the organization through RAM has the same id everywhere); empty: each account makes an isolated subnet of its own",
      Default: "",
    },
  };
}

export function memberTemplate(options: { releaseVersion?: string } = {}): CfnTemplate {
  const releaseVersion = options.releaseVersion ?? "0.1.0";
  const parameters = memberParameters(releaseVersion);
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description:
      "Vigil in one member account of an organization: the integration, enrolled with the organization",
    Parameters: parameters,
    Resources: {
      Integration: {
        Type: "AWS::CloudFormation::Stack",
        Properties: {
          TemplateURL: sub(
            `https://\${ArtifactBucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}/\${ArtifactPrefix}/${ARTIFACTS.rootTemplate}`,
          ),
          Parameters: {
            ...Object.fromEntries(MEMBER_PASSED_THROUGH.map((name) => [name, ref(name)])),
            IntegrationId: sub("${IntegrationId}-${AWS::AccountId}"),
            RegistrationToken: "",
            ScannerSubnetIds: { "Fn::Join": [",", ref("ScannerSubnetIds")] },
          },
          Tags: vigilTags(sub("${IntegrationId}-${AWS::AccountId}")),
        },
      },
    },
    Outputs: {
      MemberIntegrationId: {
        Description: "This account's integration at the platform",
        Value: sub("${IntegrationId}-${AWS::AccountId}"),
      },
    },
  };
}
