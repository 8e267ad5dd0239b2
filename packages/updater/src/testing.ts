/** Test support for other packages' lifecycle tests: in-memory stand-ins for every updater port. */
export { MemoryAlerts } from "./alerts/memory.ts";
export { MemoryEventSink } from "./event-sink/memory.ts";
export { FakeFunctionDeployer, type FakeHealth } from "./function-deployer/memory.ts";
export { MemoryReleaseHashes } from "./release-hashes/memory.ts";
export { MemoryReleaseStore } from "./release-store/memory.ts";
export { FakeStackDeployer } from "./stack-deployer/memory.ts";
