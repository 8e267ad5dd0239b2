import {
  CloudWatchClient,
  type DescribeAlarmsOutput,
  paginateDescribeAlarms,
} from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  type DescribeMetricFiltersResponse,
  paginateDescribeMetricFilters,
} from "@aws-sdk/client-cloudwatch-logs";
import { registerClients } from "../aws/clients.ts";
import type { RawOutcome } from "../discovery/reader.ts";
import type { Collector, MonitoringFacts } from "./collector.ts";
import { reasonOf } from "./unread.ts";

registerClients({ cloudwatch: CloudWatchClient, logs: CloudWatchLogsClient });

/** A region's metric filters and the metrics whose alarms notify SNS (`DescribeMetricFilters`, `DescribeAlarms`). */
export function cisMonitoringFacts(
  region: string,
  filters: RawOutcome<Pick<DescribeMetricFiltersResponse, "metricFilters">>,
  alarms: RawOutcome<Pick<DescribeAlarmsOutput, "MetricAlarms">>,
): MonitoringFacts {
  // Unknown, not "no filters": the region's CIS monitoring is then not decided.
  if (!filters.ok || !alarms.ok) {
    const failed = !filters.ok ? filters : alarms.ok ? undefined : alarms;
    return {
      region,
      filters: [],
      alarmedMetrics: [],
      ...(failed ? { unread: reasonOf(failed) } : {}),
    };
  }
  const alarmed = new Set<string>();
  for (const a of alarms.value.MetricAlarms ?? []) {
    if (!(a.AlarmActions ?? []).some((action) => /^arn:aws[a-z-]*:sns:/.test(action))) continue;
    if (a.MetricName) alarmed.add(`${a.Namespace ?? ""}/${a.MetricName}`);
    for (const m of a.Metrics ?? []) {
      const metric = m.MetricStat?.Metric;
      if (metric?.MetricName) alarmed.add(`${metric.Namespace ?? ""}/${metric.MetricName}`);
    }
  }
  const monitoring: MonitoringFacts = {
    region,
    filters: (filters.value.metricFilters ?? []).map((f) => ({
      logGroupName: f.logGroupName ?? "",
      pattern: f.filterPattern ?? "",
      metrics: (f.metricTransformations ?? []).map((t) => `${t.metricNamespace ?? ""}/${t.metricName ?? ""}`),
    })),
    alarmedMetrics: [...alarmed].sort(),
  };
  return monitoring;
}

/** Collects the region's metric filters and the metrics whose alarms notify SNS; `linkAssets` makes the CIS asset. */
export const cisMonitoringCollector: Collector = {
  id: "logs-cis-monitoring",
  scope: "regional",
  resourceTypes: ["aws.logs.cis-monitoring"],
  async collect(c) {
    const [filters, alarms] = await Promise.all([
      c.read.pages({ scope: c.region, service: "logs", command: "describe-metric-filters" }, () =>
        paginateDescribeMetricFilters({ client: c.clients.logs, pageSize: 50 }, {}),
      ),
      c.read.pages({ scope: c.region, service: "cloudwatch", command: "describe-alarms" }, () =>
        paginateDescribeAlarms({ client: c.clients.cloudwatch, pageSize: 100 }, {}),
      ),
    ]);
    return { assets: [], monitoring: cisMonitoringFacts(c.region, filters, alarms) };
  },
};
