import { describe, expect, it } from "vitest";
import { HashingSlots } from "@/lib/auth/hashing-slots";

describe("HashingSlots", () => {
  it("hands out at most the total, and at most its share to one client", () => {
    const slots = new HashingSlots(4, 2);
    const a1 = slots.tryAcquire("a");
    const a2 = slots.tryAcquire("a");
    expect(a1).not.toBeNull();
    expect(a2).not.toBeNull();
    expect(slots.tryAcquire("a")).toBeNull();
    const b1 = slots.tryAcquire("b");
    const c1 = slots.tryAcquire("c");
    expect(b1).not.toBeNull();
    expect(c1).not.toBeNull();
    expect(slots.tryAcquire("d")).toBeNull();

    a1!();
    a1!(); // releasing twice frees one slot, not two
    expect(slots.tryAcquire("a")).not.toBeNull();
    expect(slots.tryAcquire("d")).toBeNull();
    b1!();
    expect(slots.tryAcquire("d")).not.toBeNull();
  });
});
