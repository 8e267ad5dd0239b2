export const packageName = "@vigil/events";
