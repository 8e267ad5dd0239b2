export { indexActiveMutes, isMuteActive, type Mute, muteMatches, muteSchema } from "./mutes.ts";
export {
  builtInPolicies,
  type CheckSelection,
  CheckSelectionError,
  checkSelectionSchema,
  type Policy,
  type SelectionResult,
  selectChecks,
} from "./policies.ts";
export {
  latestSettings,
  type ResolvedSettings,
  resolveSettings,
  type StackSettings,
  selectionProblem,
  settingsStreamId,
} from "./settings.ts";
