import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls inside its own box, never the page: a labelled region a
 * keyboard can focus and scroll with the arrow keys (globals.css, .table-scroll).
 */
export function TableScroll({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // The region takes the focus only so that a keyboard can scroll it.
    <div role="region" aria-label={label} tabIndex={0} className={`table-scroll ${className}`}>
      {children}
    </div>
  );
}
