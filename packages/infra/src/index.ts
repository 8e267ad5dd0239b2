export const packageName = "@vigil/infra";
