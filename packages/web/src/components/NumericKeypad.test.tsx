import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithI18n } from "../test/render.tsx";
import { NumericKeypad } from "./NumericKeypad.tsx";

function Harness({ onEnter }: { onEnter?: () => void }) {
  const [value, setValue] = useState("");
  return <NumericKeypad label="体温" value={value} onChange={setValue} onEnter={onEnter} />;
}

const input = () => screen.getByTestId("temp-input") as HTMLInputElement;

describe("NumericKeypad", () => {
  it("takes a reading in three taps on the on-screen keys", async () => {
    const user = userEvent.setup();
    renderWithI18n(<Harness />);
    for (const key of ["3", "8", "4"]) await user.click(screen.getByTestId(`keypad-${key}`));
    expect(input().value).toBe("38.4");
    await user.click(screen.getByTestId("keypad-back"));
    expect(input().value).toBe("38.");
    await user.click(screen.getByTestId("keypad-clear"));
    expect(input().value).toBe("");
  });

  it("takes a physical keyboard too, and Enter saves", async () => {
    const user = userEvent.setup();
    const onEnter = vi.fn();
    renderWithI18n(<Harness onEnter={onEnter} />);
    await user.click(input());
    await user.keyboard("36.5");
    expect(input().value).toBe("36.5");
    await user.keyboard("{Backspace}7");
    expect(input().value).toBe("36.7");
    await user.keyboard("x{Enter}");
    expect(input().value).toBe("36.7");
    expect(onEnter).toHaveBeenCalledTimes(1);
  });

  it("asks the tablet for no keyboard of its own, so the keypad stays in view", () => {
    renderWithI18n(<Harness />);
    expect(input().getAttribute("inputmode")).toBe("none");
  });

  it("cleans pasted text", () => {
    renderWithI18n(<Harness />);
    fireEvent.change(input(), { target: { value: "37,9℃" } });
    expect(input().value).toBe("37.9");
  });
});
