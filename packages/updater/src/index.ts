export const packageName = "@vigil/updater";
