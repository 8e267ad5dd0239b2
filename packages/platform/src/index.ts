export const packageName = "@vigil/platform";
