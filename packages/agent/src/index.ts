export const packageName = "@vigil/agent";
