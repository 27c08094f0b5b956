"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A control with two states (asking or not, editing or not) whose keyboard focus follows it: to `openTarget` when it
 * opens, back to `closedTarget` when it closes, and nowhere on the first render. `setOpenQuietly` changes the state
 * without moving focus (when focus goes somewhere else, such as a section heading).
 */
export function useToggleFocus<O extends HTMLElement, C extends HTMLElement>() {
  const [open, setOpenQuietly] = useState(false);
  const openTarget = useRef<O>(null);
  const closedTarget = useRef<C>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (open ? openTarget : closedTarget).current?.focus();
  }, [open]);

  const setOpen = (next: boolean) => {
    moveFocus.current = true;
    setOpenQuietly(next);
  };
  return { open, setOpen, setOpenQuietly, openTarget, closedTarget };
}
