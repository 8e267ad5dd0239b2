export const packageName = "@vigil/cli";
