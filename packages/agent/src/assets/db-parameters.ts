import { lazySchema } from "@vigil/events";
import * as z from "zod";

/**
 * The DB parameter group of an RDS instance, or the DB cluster parameter group of an Aurora,
 * DocumentDB or Neptune cluster: its name, whether the database runs its current values, and the
 * values of the parameters Vigil's checks read (`DescribeDBParameters` /
 * `DescribeDBClusterParameters`, engine defaults included).
 */
export const dbParameterGroupSchema = lazySchema(() =>
  z.object({
    /** `DBParameterGroupName` (instance) or `DBClusterParameterGroup` (cluster). */
    name: z.string(),
    /**
     * The database runs the group's current values: the instance's `ParameterApplyStatus`, or every
     * cluster member's `DBClusterParameterGroupStatus`, is `in-sync` (not `pending-reboot`, `applying`).
     */
    inSync: z.boolean(),
    /** Name → `ParameterValue` (null when the group sets none) of the checked parameters the group has. */
    parameters: z.record(z.string(), z.string().nullable()),
  }),
);
export type DbParameterGroup = z.infer<typeof dbParameterGroupSchema>;
