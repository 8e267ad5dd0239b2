import type { PublicAccessBlock } from "../../assets/index.ts";

export function blocksAll(block: PublicAccessBlock | null): boolean {
  return (
    block?.blockPublicAcls === true &&
    block.ignorePublicAcls &&
    block.blockPublicPolicy &&
    block.restrictPublicBuckets
  );
}
