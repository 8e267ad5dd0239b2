import type { PublicAccessBlock } from "../../assets/index.ts";

export function blocksAll(block: PublicAccessBlock | null): boolean {
  return (
    block !== null &&
    block.blockPublicAcls &&
    block.ignorePublicAcls &&
    block.blockPublicPolicy &&
    block.restrictPublicBuckets
  );
}
