// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is CloudFormation Fn::Sub syntax, not a JS template.
/**
 * The organization template, deployed once in the management account (or a delegated
 * administrator): a service-managed StackSet that installs the root template in every account of
 * the chosen OUs, and in each account that joins them later (auto-deployment).
 *
 * Coverage gaps of service-managed StackSets, and how this template closes them:
 * - The management account is never a target of its own service-managed StackSet. Set
 *   `CoverManagementAccount=true` and this stack also creates the root template as a nested stack
 *   in the management account itself.
 * - Accounts that sit directly under the organization root, in no OU, are covered by passing the
 *   root id (`r-xxxx`) in `OrganizationalUnitIds`: a target OU includes every account below it,
 *   so the root id covers the whole organization (still except the management account).
 *   (An account-list parameter was tried and dropped: an empty default resolves to `[""]`, which
 *   the validator rightly rejects as an account id.)
 */

import { vigilTags } from "../tags.ts";
import { type CfnParameter, type CfnTemplate, equals, ref, sub } from "./cfn.ts";
import { ARTIFACTS, rootParameters } from "./root.ts";

/** Root parameters the organization passes through unchanged to every account. */
const PASSED_THROUGH = [
  "IntegrationId",
  "PlatformUrl",
  "RegistrationToken",
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
  "AlertEmail",
] as const;

export function stackSetTemplate(options: { releaseVersion?: string } = {}): CfnTemplate {
  const passed: Record<string, CfnParameter> = Object.fromEntries(
    PASSED_THROUGH.map((name) => [name, rootParameters[name] ?? { Type: "String", Description: name }]),
  );
  passed.ArtifactPrefix = {
    ...(passed.ArtifactPrefix as CfnParameter),
    Default: `releases/${options.releaseVersion ?? "0.1.0"}`,
  };
  const rootTemplateUrl = sub(
    `https://\${ArtifactBucket}.s3.\${AWS::Region}.\${AWS::URLSuffix}/\${ArtifactPrefix}/${ARTIFACTS.rootTemplate}`,
  );
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "Vigil for an AWS Organization: a service-managed StackSet of the Vigil integration",
    Parameters: {
      ...passed,
      OrganizationalUnitIds: {
        Type: "CommaDelimitedList",
        Description: "OUs to cover (use the root id r-xxxx for every account directly under the root)",
      },
      CoverManagementAccount: {
        Type: "String",
        Description: "Also install Vigil in this (management) account, which service-managed StackSets skip",
        Default: "true",
        AllowedValues: ["true", "false"],
      },
    },
    Conditions: {
      CoverManagementAccount: equals(ref("CoverManagementAccount"), "true"),
    },
    Resources: {
      VigilStackSet: {
        Type: "AWS::CloudFormation::StackSet",
        Properties: {
          StackSetName: sub("vigil-${IntegrationId}"),
          Description: "Vigil integration in every account of the organization's chosen OUs",
          PermissionModel: "SERVICE_MANAGED",
          AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
          ManagedExecution: { Active: true },
          Capabilities: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
          OperationPreferences: {
            RegionConcurrencyType: "PARALLEL",
            MaxConcurrentPercentage: 25,
            FailureTolerancePercentage: 10,
          },
          TemplateURL: rootTemplateUrl,
          Parameters: PASSED_THROUGH.map((name) => ({ ParameterKey: name, ParameterValue: ref(name) })),
          StackInstancesGroup: [
            {
              DeploymentTargets: {
                OrganizationalUnitIds: ref("OrganizationalUnitIds"),
              },
              Regions: [ref("AWS::Region")],
            },
          ],
          Tags: vigilTags(ref("IntegrationId")),
        },
      },
      ManagementAccountStack: {
        Type: "AWS::CloudFormation::Stack",
        Condition: "CoverManagementAccount",
        Properties: {
          TemplateURL: rootTemplateUrl,
          Parameters: Object.fromEntries(PASSED_THROUGH.map((name) => [name, ref(name)])),
          Tags: vigilTags(ref("IntegrationId")),
        },
      },
    },
    Outputs: {
      StackSetId: { Description: "The Vigil StackSet", Value: ref("VigilStackSet") },
    },
  };
}
