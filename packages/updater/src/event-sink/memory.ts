import type { VigilEvent } from "@vigil/events";
import type { EventSink } from "./port.ts";

export class MemoryEventSink implements EventSink {
  readonly events: VigilEvent[] = [];
  async emit(event: VigilEvent): Promise<void> {
    this.events.push(event);
  }
  types(): string[] {
    return this.events.map((e) => e.type);
  }
}
