import {
  consumersFor,
  filterPolicyMatches,
  queueDefinition,
  queueNameFor,
  subscriptionsOf,
  TopologyError,
  topology,
} from "@vigil/events";
import { describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  type CfnResource,
  type CfnTemplate,
  ebsScanningTemplate,
  renderAllTemplates,
  renderTemplate,
  rootTemplate,
  stackSetTemplate,
} from "../src/index.ts";
import { validateTemplate } from "./validate.ts";

const VALIDATOR_TIMEOUT = 120_000;

describe("AWS's offline validator", () => {
  it.each(Object.entries(renderAllTemplates()))(
    "%s has no fatal, error or warning diagnostics",
    (file, rendered) => {
      const diagnostics = validateTemplate(file, rendered).filter((d) => d.severity !== "INFO");
      expect(
        diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ""}: ${d.message}`),
      ).toEqual([]);
    },
    VALIDATOR_TIMEOUT,
  );

  it(
    "catches a broken template (so a clean report means something)",
    () => {
      const broken = rootTemplate();
      const fn = broken.Resources.AgentFunction as { Properties: Record<string, unknown> };
      fn.Properties.Runtime = "nodejs9.x";
      delete fn.Properties.Role;
      const severities = validateTemplate("broken.json", renderTemplate(broken)).map((d) => d.severity);
      expect(severities.some((s) => s === "ERROR" || s === "FATAL")).toBe(true);
    },
    VALIDATOR_TIMEOUT,
  );
});

/**
 * Resource types without tags in CloudFormation (the validator's schemas reject `Tags` on the SNS
 * subscription and the instance profile); the custom resource's properties go to our own handler.
 */
const UNTAGGABLE = new Set([
  "AWS::SNS::Subscription",
  "AWS::SQS::QueuePolicy",
  "AWS::IAM::RolePolicy",
  "AWS::IAM::InstanceProfile",
  "AWS::Lambda::Permission",
  "AWS::Events::EventBusPolicy",
  "Custom::VigilRegistration",
]);

function tagsOf(resource: CfnResource): Record<string, unknown> | undefined {
  const p = resource.Properties ?? {};
  const asMap = (list: { Key: string; Value: unknown }[]) =>
    Object.fromEntries(list.map((t) => [t.Key, t.Value]));
  if (resource.Type === "AWS::EC2::LaunchTemplate") {
    const specs = p.TagSpecifications as { ResourceType: string; Tags: { Key: string; Value: unknown }[] }[];
    return asMap(specs.find((s) => s.ResourceType === "launch-template")?.Tags ?? []);
  }
  if (Array.isArray(p.Tags)) return asMap(p.Tags as { Key: string; Value: unknown }[]);
  if (p.Tags && typeof p.Tags === "object") return p.Tags as Record<string, unknown>;
  return undefined;
}

describe("tags", () => {
  const templates: [string, CfnTemplate][] = [
    ["root", rootTemplate()],
    ["ebs-scanning", ebsScanningTemplate()],
    ["organization", stackSetTemplate()],
  ];
  for (const [name, template] of templates) {
    it(`every taggable resource of the ${name} template carries Created By = Vigil and the integration id`, () => {
      const untagged = Object.entries(template.Resources)
        .filter(([, r]) => !UNTAGGABLE.has(r.Type))
        .filter(([, r]) => {
          const tags = tagsOf(r);
          return (
            tags?.["Created By"] !== "Vigil" ||
            JSON.stringify(tags["Vigil Integration Id"]) !== '{"Ref":"IntegrationId"}'
          );
        })
        .map(([id]) => id);
      expect(untagged).toEqual([]);
    });
  }

  it("scanner instances and their volumes are tagged at launch (what the clean-up policy relies on)", () => {
    const lt = ebsScanningTemplate().Resources.ScannerLaunchTemplate?.Properties as {
      LaunchTemplateData: { TagSpecifications: { ResourceType: string; Tags: { Key: string }[] }[] };
    };
    const kinds = lt.LaunchTemplateData.TagSpecifications.filter((s) =>
      s.Tags.some((t) => t.Key === "Created By"),
    );
    expect(kinds.map((k) => k.ResourceType).sort()).toEqual(["instance", "volume"]);
    const asg = ebsScanningTemplate().Resources.ScannerGroup?.Properties as {
      Tags: { PropagateAtLaunch: boolean }[];
    };
    expect(asg.Tags.every((t) => t.PropagateAtLaunch)).toBe(true);
  });
});

describe("root template", () => {
  const t = rootTemplate();
  const props = (id: string) => (t.Resources[id] as CfnResource).Properties as Record<string, unknown>;

  it("runs both Lambdas on nodejs22.x arm64", () => {
    for (const id of ["AgentFunction", "UpdaterFunction"]) {
      expect(props(id).Runtime).toBe("nodejs22.x");
      expect(props(id).Architectures).toEqual(["arm64"]);
    }
  });

  it("renders every integration queue, its DLQ and its filter policy from the topology", () => {
    for (const consumer of ["agent", "updater"] as const) {
      const q = queueDefinition(consumer);
      const id = consumer === "agent" ? "Agent" : "Updater";
      expect(props(`${id}Queue`).ReceiveMessageWaitTimeSeconds).toBe(20);
      expect(props(`${id}Queue`).VisibilityTimeout).toBe(q.visibilityTimeoutSeconds);
      expect(props(`${id}Queue`).RedrivePolicy).toEqual({
        deadLetterTargetArn: { "Fn::GetAtt": [`${id}DeadLetterQueue`, "Arn"] },
        maxReceiveCount: q.deadLetter.maxReceiveCount,
      });
      expect(props(`${id}Subscription`).FilterPolicy).toEqual(subscriptionsOf(consumer)[0]?.filterPolicy);
      expect(props(`${id}Subscription`).RawMessageDelivery).toBe(true);
    }
    expect(t.Resources.PlatformQueue).toBeUndefined(); // the control plane's queue is not the customer's
  });

  it("schedules scans (12 h default), heartbeat (10 min), update checks (24 h) and EC2 state changes", () => {
    expect(props("ScanScheduleRule").ScheduleExpression).toEqual({ Ref: "ScanSchedule" });
    expect(t.Parameters?.ScanSchedule?.Default).toBe("rate(12 hours)");
    expect(props("HeartbeatRule").ScheduleExpression).toBe("rate(10 minutes)");
    expect(props("UpdateCheckRule").ScheduleExpression).toBe("rate(24 hours)");
    expect(props("Ec2StateChangeRule").EventPattern).toEqual({
      source: ["aws.ec2"],
      "detail-type": ["EC2 Instance State-change Notification"],
    });
  });

  it("registers through a custom resource backed by the agent, torn down before what it depends on", () => {
    const reg = t.Resources.Registration as CfnResource;
    expect(reg.Type).toBe("Custom::VigilRegistration");
    expect(reg.Properties?.ServiceToken).toEqual({ "Fn::GetAtt": ["AgentFunction", "Arn"] });
    expect(reg.DependsOn).toContain("AgentQueueEventSource");
    expect(t.Parameters?.RegistrationToken?.NoEcho).toBe(true);
  });

  it("puts EBS scanning (and its write permissions) behind the EnableEbsScanning condition", () => {
    expect(t.Resources.EbsScanningStack?.Condition).toBe("EbsScanningEnabled");
    expect(t.Resources.AgentEbsScanningPolicy?.Condition).toBe("EbsScanningEnabled");
    expect(JSON.stringify(props("EbsScanningStack").TemplateURL)).toContain(ARTIFACTS.ebsScanningTemplate);
  });
});

describe("organization template", () => {
  const set = stackSetTemplate().Resources.VigilStackSet?.Properties as Record<string, unknown>;
  it("is a service-managed StackSet that auto-deploys to new accounts", () => {
    expect(set.PermissionModel).toBe("SERVICE_MANAGED");
    expect(set.AutoDeployment).toEqual({ Enabled: true, RetainStacksOnAccountRemoval: false });
  });
  it("covers the management account, which service-managed StackSets skip, on request", () => {
    expect(stackSetTemplate().Resources.ManagementAccountStack?.Condition).toBe("CoverManagementAccount");
  });
});

describe("topology", () => {
  it("routes scan requests and delete requests to the agent, any version", () => {
    expect(consumersFor("vigil.scan.requested.v1")).toContain("agent");
    expect(consumersFor("vigil.scan.requested.v7")).toContain("agent");
    expect(consumersFor("vigil.integration.delete-requested.v1")).toContain("agent");
    expect(consumersFor("vigil.scan.asset-assessed.v1")).toEqual(["platform"]);
    expect(consumersFor("vigil.update.available.v1").sort()).toEqual(["platform", "updater"]);
  });

  it("matches on a dot boundary, not a bare prefix", () => {
    const agent = subscriptionsOf("agent")[0]?.filterPolicy;
    expect(agent && filterPolicyMatches(agent, "vigil.scan.requested-later.v1")).toBe(false);
  });

  it("gives every queue a DLQ and 20 s long polling", () => {
    for (const q of topology.queues) {
      expect(q.receiveWaitTimeSeconds).toBe(20);
      expect(q.deadLetter.maxReceiveCount).toBeGreaterThan(1);
    }
  });

  it("names queues per integration and rejects ids a queue name cannot hold", () => {
    expect(queueNameFor("agent")).toBe("vigil-agent");
    expect(queueNameFor("agent", "int-42")).toBe("vigil-agent-int-42");
    expect(() => queueNameFor("agent", "bad id/..")).toThrow(TopologyError);
  });
});
