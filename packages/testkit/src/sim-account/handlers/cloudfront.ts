import { apiError } from "../errors.ts";
import { type Call, type Handler, paginate, read, required } from "./context.ts";

/**
 * CloudFront (global, restXml): `ListDistributions` pages live inside `DistributionList` (its own
 * `Marker` / `NextMarker` / `MaxItems`); a distribution's configuration is its
 * `get-distribution-config/<id>` file.
 */

function distributions(call: Call): Record<string, unknown>[] {
  const file = read(call, "list-distributions", { global: true });
  return ((file.DistributionList as { Items?: unknown[] } | undefined)?.Items ?? []) as Record<
    string,
    unknown
  >[];
}

export const CLOUDFRONT_HANDLERS: Record<string, Handler> = {
  ListDistributions: (call) => {
    const marker = call.input.Marker;
    const { page, next } = paginate(distributions(call), {
      token: marker,
      limit: call.input.MaxItems,
      defaultLimit: 100,
      minLimit: 1,
      maxLimit: 1000,
    });
    return {
      DistributionList: {
        Marker: typeof marker === "string" ? marker : "",
        ...(next ? { NextMarker: next } : {}),
        MaxItems: Number(call.input.MaxItems ?? 100),
        IsTruncated: next !== undefined,
        Quantity: page.length,
        Items: page,
      },
    };
  },
  GetDistributionConfig: (call) => {
    const id = required(call.input, "Id", call.operation);
    if (!distributions(call).some((d) => d.Id === id))
      throw apiError("NoSuchDistribution", "The specified distribution does not exist.");
    return read(call, "get-distribution-config", { global: true, resource: id });
  },
};
