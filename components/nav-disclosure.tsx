"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * Open-and-close state of a navigation disclosure: closes on Escape (focus back on its button),
 * on a click outside it, on following a link inside it and when the page changes.
 */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (pathname !== openedOn) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);
  const closeOnLink = (event: React.MouseEvent) => {
    if ((event.target as HTMLElement).closest("a, button[type=submit]")) setOpen(false);
  };
  return { open, toggle: () => setOpen((o) => !o), wrapper, button, closeOnLink };
}

/**
 * The main navigation below the wide breakpoint: a "Menu" button that opens the links over the
 * page (nothing below moves). At the wide breakpoint the button is hidden and the links are the
 * bar itself (globals.css, .nav-menu).
 */
export function NavMenu({ label, children }: { label: string; children: ReactNode }) {
  const { open, toggle, wrapper, button, closeOnLink } = useDisclosure();
  const id = useId();
  return (
    <div ref={wrapper} className="nav-menu">
      <button ref={button} type="button" className="btn-secondary nav-menu-button" aria-expanded={open} aria-controls={id} onClick={toggle}>
        {label}
      </button>
      <div id={id} className="nav-menu-panel" data-open={open} onClick={closeOnLink}>
        {children}
      </div>
    </div>
  );
}

/**
 * A group of links (or a form's buttons) under one disclosure button on the wide bar ("Admin";
 * the language, whose button shows only the language in force); inside the narrow menu the
 * group is a plain labelled list.
 */
export function NavGroup({ label, buttonText, buttonLabel, children }: { label: string; buttonText?: string; buttonLabel?: string; children: ReactNode }) {
  const { open, toggle, wrapper, button, closeOnLink } = useDisclosure();
  const id = useId();
  return (
    <div ref={wrapper} className="nav-group">
      <span className="nav-group-label" aria-hidden="true">
        {label}
      </span>
      <button ref={button} type="button" className="nav-group-button" aria-expanded={open} aria-controls={id} aria-label={buttonLabel} onClick={toggle}>
        {buttonText ?? label}
        <span aria-hidden="true">▾</span>
      </button>
      <ul id={id} className="nav-group-list" data-open={open} aria-label={label} onClick={closeOnLink}>
        {children}
      </ul>
    </div>
  );
}
