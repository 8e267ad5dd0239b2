import type { VigilEvent } from "@vigil/events";

/** Where the updater's events go (the bus in Lambda, an array in tests). */
export interface EventSink {
  emit(event: VigilEvent): Promise<void>;
}
