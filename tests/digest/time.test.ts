import { describe, expect, it } from "vitest";
import { dueLocalDate, localDateTime, parseTimeOfDay, resolveTimeZone } from "../../src/digest/time.js";

describe("times of day", () => {
  it("accepts 24-hour H:MM and HH:MM", () => {
    expect(parseTimeOfDay("9:05")).toBe("09:05");
    expect(parseTimeOfDay("09:05")).toBe("09:05");
    expect(parseTimeOfDay("00:00")).toBe("00:00");
    expect(parseTimeOfDay("23:59")).toBe("23:59");
  });

  it("rejects times that do not exist or are not 24-hour HH:MM", () => {
    for (const bad of ["25:00", "24:00", "12:60", "9am", "9", "09:5", "9:00pm", "", "nine"]) {
      expect(parseTimeOfDay(bad)).toBeNull();
    }
  });
});

describe("time zones", () => {
  it("knows IANA zones and spells them as the zone list does", () => {
    expect(resolveTimeZone("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(resolveTimeZone("europe/kyiv")).toBe("Europe/Kyiv");
    expect(resolveTimeZone("america/new_york")).toBe("America/New_York");
    expect(resolveTimeZone("utc")).toBe("UTC");
  });

  it("rejects zones Intl does not know", () => {
    expect(resolveTimeZone("Mars/Olympus")).toBeNull();
    expect(resolveTimeZone("+03:00 Kyiv")).toBeNull();
    expect(resolveTimeZone("")).toBeNull();
  });
});

describe("when a digest is due", () => {
  const subscription = {
    time: "09:00",
    timeZone: "Europe/Kyiv",
    createdAt: new Date("2025-01-01T00:00:00Z"),
  };

  it("reads the wall clock of the subscription's zone", () => {
    expect(localDateTime(new Date("2025-07-22T21:30:00Z"), "Europe/Kyiv")).toEqual({
      date: "2025-07-23",
      time: "00:30",
    });
  });

  it("is due from the local time onwards, for that local date", () => {
    expect(dueLocalDate(subscription, new Date("2025-07-22T05:59:00Z"))).toBeNull();
    expect(dueLocalDate(subscription, new Date("2025-07-22T06:00:00Z"))).toBe("2025-07-22");
    expect(dueLocalDate(subscription, new Date("2025-07-22T20:59:00Z"))).toBe("2025-07-22");
    expect(dueLocalDate(subscription, new Date("2025-07-22T21:00:00Z"))).toBeNull();
  });

  it("starts tomorrow when subscribed after today's time", () => {
    const late = { ...subscription, createdAt: new Date("2025-07-22T10:00:00Z") };
    expect(dueLocalDate(late, new Date("2025-07-22T10:01:00Z"))).toBeNull();
    expect(dueLocalDate(late, new Date("2025-07-23T06:00:00Z"))).toBe("2025-07-23");
    const early = { ...subscription, createdAt: new Date("2025-07-22T05:00:00Z") };
    expect(dueLocalDate(early, new Date("2025-07-22T06:00:00Z"))).toBe("2025-07-22");
  });
});
