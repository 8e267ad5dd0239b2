import { defineConfig } from "vitest/config";
import { vigilTestProjects } from "../../vitest.shared.ts";

export default defineConfig(vigilTestProjects());
