export const packageName = "@vigil/testkit";
