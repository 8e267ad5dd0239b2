import { apiError } from "../errors.ts";
import {
  type Call,
  type Handler,
  listPage,
  type Output,
  paginate,
  read,
  readList,
  required,
  str,
  strings,
} from "./context.ts";

/**
 * Operations and delivery services: EC2 Auto Scaling launch configurations (the groups are served
 * with the EBS scanner's calls, handlers/others.ts). Each answer comes from the snapshot file of its
 * call (docs/snapshot-format.md).
 */

// --- Auto Scaling: NextToken / MaxRecords (default 50, at most 100) ----------------------------------

export const AUTOSCALING_OPERATIONS_HANDLERS: Record<string, Handler> = {
  DescribeLaunchConfigurations: (call) => {
    const names = strings(call.input, "LaunchConfigurationNames");
    const items = readList(call, "describe-launch-configurations", "LaunchConfigurations").filter(
      (c) => names.length === 0 || names.includes(String(c.LaunchConfigurationName)),
    );
    const { page, next } = paginate(items, {
      token: call.input.NextToken,
      limit: call.input.MaxRecords,
      defaultLimit: 50,
      maxLimit: 100,
    });
    return { LaunchConfigurations: page, ...(next ? { NextToken: next } : {}) };
  },
};

// --- CodeBuild: nextToken (100 a page); Batch* take up to 100 names or ARNs --------------------------

/** The members of per-resource batch answers, for the names the listing holds; the rest not found. */
function batchGet(
  call: Call,
  options: {
    listed: string[];
    input: string;
    command: string;
    member: string;
    key: (id: string) => string;
  },
): Output {
  const ids = strings(call.input, options.input);
  if (ids.length === 0 || ids.length > 100)
    throw apiError("InvalidInputException", `${options.input} must hold between 1 and 100 items.`);
  const found: unknown[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    if (!options.listed.includes(id)) {
      missing.push(id);
      continue;
    }
    const file = read(call, options.command, { resource: options.key(id) });
    found.push(...((file[options.member] as unknown[] | undefined) ?? []));
  }
  return { [options.member]: found, [`${options.member}NotFound`]: missing };
}

export const CODEBUILD_HANDLERS: Record<string, Handler> = {
  ListProjects: (call) => {
    const names = readList<string>(call, "list-projects", "projects");
    const { page, next } = paginate(names, {
      token: call.input.nextToken,
      limit: undefined,
      defaultLimit: 100,
    });
    return { projects: page, ...(next ? { nextToken: next } : {}) };
  },
  BatchGetProjects: (call) =>
    batchGet(call, {
      listed: readList<string>(call, "list-projects", "projects"),
      input: "names",
      command: "batch-get-projects",
      member: "projects",
      key: (name) => name,
    }),
  ListReportGroups: (call) => {
    const arns = readList<string>(call, "list-report-groups", "reportGroups");
    const { page, next } = paginate(arns, {
      token: call.input.nextToken,
      limit: call.input.maxResults,
      defaultLimit: 100,
      minLimit: 1,
      maxLimit: 100,
    });
    return { reportGroups: page, ...(next ? { nextToken: next } : {}) };
  },
  BatchGetReportGroups: (call) =>
    batchGet(call, {
      listed: readList<string>(call, "list-report-groups", "reportGroups"),
      input: "reportGroupArns",
      command: "batch-get-report-groups",
      member: "reportGroups",
      key: (arn) => arn.slice(arn.lastIndexOf("/") + 1),
    }),
};

// --- Step Functions: nextToken / maxResults (100 by default, at most 1000) --------------------------

export const STEP_FUNCTIONS_HANDLERS: Record<string, Handler> = {
  ListStateMachines: (call) =>
    listPage(
      call,
      "list-state-machines",
      "stateMachines",
      { defaultLimit: 100, maxLimit: 1000 },
      { token: "nextToken", limit: "maxResults", next: "nextToken" },
    ),
  DescribeStateMachine: (call) => {
    const arn = required(call.input, "stateMachineArn", call.operation);
    const machine = readList(call, "list-state-machines", "stateMachines").find(
      (m) => m.stateMachineArn === arn,
    );
    if (!machine) throw apiError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${arn}'`);
    return read(call, "describe-state-machine", { resource: String(machine.name) });
  },
};

// --- Elastic Beanstalk: NextToken / MaxRecords (1..1000) --------------------------------------------

export const ELASTIC_BEANSTALK_HANDLERS: Record<string, Handler> = {
  DescribeEnvironments: (call) => {
    const names = strings(call.input, "EnvironmentNames");
    const application = str(call.input, "ApplicationName");
    const items = readList(call, "describe-environments", "Environments").filter(
      (e) =>
        (names.length === 0 || names.includes(String(e.EnvironmentName))) &&
        (application === undefined || e.ApplicationName === application) &&
        (call.input.IncludeDeleted !== false || e.Status !== "Terminated"),
    );
    const { page, next } = paginate(items, {
      token: call.input.NextToken,
      limit: call.input.MaxRecords,
      defaultLimit: 1000,
      minLimit: 1,
      maxLimit: 1000,
    });
    return { Environments: page, ...(next ? { NextToken: next } : {}) };
  },
  DescribeConfigurationSettings: (call) => {
    const application = required(call.input, "ApplicationName", call.operation);
    const name = str(call.input, "EnvironmentName");
    if (name === undefined)
      throw apiError("InvalidParameterValue", "Either TemplateName or EnvironmentName must be specified.");
    const env = readList(call, "describe-environments", "Environments").find(
      (e) => e.EnvironmentName === name && e.ApplicationName === application && e.Status !== "Terminated",
    );
    if (!env)
      throw apiError("InvalidParameterValue", `No Environment found for EnvironmentName = '${name}'.`);
    return read(call, "describe-configuration-settings", { resource: name });
  },
};

// --- Systems Manager: NextToken / MaxResults --------------------------------------------------------

/** The service settings the account answers (each from `get-service-setting/<last segment>.json`). */
const SERVICE_SETTINGS = [
  "/ssm/documents/console/public-sharing-permission",
  "/ssm/automation/customer-script-log-destination",
];

function documentName(call: Call): string {
  const name = required(call.input, "Name", call.operation);
  if (!readList(call, "list-documents", "DocumentIdentifiers").some((d) => d.Name === name))
    throw apiError("InvalidDocument", "The specified document does not exist.");
  return name;
}

export const SSM_HANDLERS: Record<string, Handler> = {
  DescribeInstanceInformation: (call) =>
    listPage(call, "describe-instance-information", "InstanceInformationList", {
      defaultLimit: 50,
      minLimit: 5,
      maxLimit: 50,
    }),
  ListResourceComplianceSummaries: (call) =>
    listPage(call, "list-resource-compliance-summaries", "ResourceComplianceSummaryItems", {
      defaultLimit: 50,
      minLimit: 1,
      maxLimit: 50,
    }),
  // The file holds the documents the account owns (captured with `--filters Key=Owner,Values=Self`).
  ListDocuments: (call) => {
    const filters = (Array.isArray(call.input.Filters) ? call.input.Filters : []) as {
      Key?: string;
      Values?: string[];
    }[];
    const owner = filters.find((f) => f.Key === "Owner")?.Values ?? [];
    if (!owner.includes("Self"))
      throw apiError(
        "ValidationException",
        "The simulated account answers ListDocuments for Owner Self only.",
      );
    return listPage(call, "list-documents", "DocumentIdentifiers", {
      defaultLimit: 50,
      minLimit: 1,
      maxLimit: 50,
    });
  },
  DescribeDocumentPermission: (call) => {
    const name = documentName(call);
    if (str(call.input, "PermissionType") !== "Share")
      throw apiError(
        "InvalidPermissionType",
        "The permission type is not supported. Share is the only supported permission type.",
      );
    return read(call, "describe-document-permission", { resource: name });
  },
  GetServiceSetting: (call) => {
    const id = required(call.input, "SettingId", call.operation);
    const setting = SERVICE_SETTINGS.find((s) => id === s || id.endsWith(`:servicesetting${s}`));
    if (setting === undefined)
      throw apiError("ServiceSettingNotFound", `The service setting ${id} was not found.`);
    return read(call, "get-service-setting", { resource: setting.split("/").at(-1) ?? setting });
  },
};

// --- EC2 launch template versions (the templates themselves: handlers/ec2.ts) -------------------------

export const EC2_OPERATIONS_HANDLERS: Record<string, Handler> = {
  DescribeLaunchTemplateVersions: (call) => {
    const id = str(call.input, "LaunchTemplateId");
    const name = str(call.input, "LaunchTemplateName");
    const template = readList(call, "describe-launch-templates", "LaunchTemplates").find(
      (t) =>
        (id !== undefined && t.LaunchTemplateId === id) ||
        (name !== undefined && t.LaunchTemplateName === name),
    );
    if (!template) {
      if (id !== undefined)
        throw apiError(
          "InvalidLaunchTemplateId.NotFound",
          `The specified launch template, with template ID ${id}, does not exist.`,
        );
      throw apiError(
        "InvalidLaunchTemplateName.NotFoundException",
        `The specified launch template, with template name ${name ?? ""}, does not exist.`,
      );
    }
    const all = readList(call, "describe-launch-template-versions", "LaunchTemplateVersions", {
      resource: String(template.LaunchTemplateId),
    });
    const wanted = strings(call.input, "Versions");
    const latest = Math.max(...all.map((v) => Number(v.VersionNumber)));
    const versions =
      wanted.length === 0
        ? all
        : all.filter((v) =>
            wanted.some((w) =>
              w === "$Default"
                ? v.DefaultVersion === true
                : w === "$Latest"
                  ? v.VersionNumber === latest
                  : Number(w) === v.VersionNumber,
            ),
          );
    const { page, next } = paginate(versions, {
      token: call.input.NextToken,
      limit: call.input.MaxResults,
      defaultLimit: Number.POSITIVE_INFINITY,
      minLimit: 1,
      maxLimit: 200,
    });
    return { LaunchTemplateVersions: page, ...(next ? { NextToken: next } : {}) };
  },
};
