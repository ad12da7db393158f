"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

interface Option {
  id: string;
  name: string;
}

/**
 * Choose several options by typing: a combobox with a listbox popup (the ARIA APG combobox
 * pattern, list autocomplete with the first match active) whose choices show as removable chips.
 * The chosen ids are hidden inputs named `name`, so the enclosing form posts them as a select
 * would; the server checks them.
 *
 * Keyboard: type to filter; ↓/↑ move through the matches (opening the list); Enter chooses or
 * un-chooses the active match; Escape closes the list, then clears the text; Backspace in an
 * empty box removes the last chip.
 */
export function MultiCombobox({
  id,
  name,
  options,
  defaultChosen = [],
  listLabel,
  chosenLabel,
  ...aria
}: {
  id: string;
  name: string;
  options: Option[];
  defaultChosen?: Option[];
  /** The listbox's accessible name, e.g. "Approved software". */
  listLabel: string;
  /** The chips' list name, e.g. "Chosen alternatives". */
  chosenLabel: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}) {
  const [chosen, setChosen] = useState<Option[]>(defaultChosen);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const t = useTranslations("ui.combobox");
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (index: number) => `${listId}-o${index}`;

  const wanted = text.trim().toLowerCase();
  const matches = wanted
    ? options
        .filter((o) => o.name.toLowerCase().includes(wanted))
        // Names that start with the text first, then the rest, each alphabetically (the options' order).
        .sort((a, b) => Number(!a.name.toLowerCase().startsWith(wanted)) - Number(!b.name.toLowerCase().startsWith(wanted)))
    : options;
  const isChosen = (o: Option) => chosen.some((c) => c.id === o.id);
  const expanded = open && matches.length > 0;

  const show = (index: number) => {
    setOpen(true);
    setActive(index);
  };
  // The active option stays in view as the arrows move through a long list.
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${listId}-o${active}`)?.scrollIntoView({ block: "nearest" });
  }, [expanded, active, listId]);
  const toggle = (option: Option) => {
    const next = isChosen(option) ? chosen.filter((c) => c.id !== option.id) : [...chosen, option];
    setChosen(next);
    setAnnouncement(t(isChosen(option) ? "removed" : "added", { name: option.name, count: next.length }));
    setText("");
    setOpen(false);
    setActive(-1);
  };
  const remove = (option: Option) => {
    const next = chosen.filter((c) => c.id !== option.id);
    setChosen(next);
    setAnnouncement(t("removed", { name: option.name, count: next.length }));
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (matches.length === 0) return;
        if (event.altKey || !expanded) show(expanded ? active : Math.max(0, active));
        else show(Math.min(active + 1, matches.length - 1));
        return;
      case "ArrowUp":
        event.preventDefault();
        if (matches.length === 0) return;
        show(expanded ? Math.max(active - 1, 0) : matches.length - 1);
        return;
      case "Enter":
        // With the list open Enter chooses; closed, it submits the form as usual.
        if (!expanded) return;
        event.preventDefault();
        if (active >= 0 && matches[active]) toggle(matches[active]);
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText("");
        }
        return;
      case "Backspace":
        if (text === "" && chosen.length > 0) {
          event.preventDefault();
          remove(chosen[chosen.length - 1]!);
        }
        return;
      case "Tab":
        setOpen(false);
        return;
    }
  };

  return (
    <div className="space-y-2">
      {chosen.map((o) => <input key={o.id} type="hidden" name={name} value={o.id} />)}
      {chosen.length > 0 && (
        <ul aria-label={chosenLabel} className="flex flex-wrap gap-2">
          {chosen.map((o) => (
            <li key={o.id} className="inline-flex max-w-full items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm text-slate-900 ring-1 ring-inset ring-slate-300">
              <span className="min-w-0 break-words">{o.name}</span>
              <button
                type="button"
                onClick={() => remove(o)}
                className="rounded-full px-1.5 leading-5 text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600"
                aria-label={t("remove", { name: o.name })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="relative">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={aria["aria-invalid"]}
          aria-describedby={aria["aria-describedby"]}
          className="input"
          value={text}
          placeholder={t("placeholder")}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(event.target.value.trim() ? 0 : -1);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={listLabel}
          aria-multiselectable="true"
          hidden={!expanded}
          className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((o, index) => (
            <li
              key={o.id}
              id={optionId(index)}
              role="option"
              aria-selected={isChosen(o)}
              className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${index === active ? "bg-sky-100 text-sky-950" : "text-slate-900"}`}
              // Keep focus in the box: a click chooses without blurring it.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => toggle(o)}
            >
              <span aria-hidden="true" className="w-4 shrink-0 text-emerald-700">{isChosen(o) ? "✓" : ""}</span>
              {o.name}
            </li>
          ))}
        </ul>
      </div>
      <p aria-live="polite" className="sr-only">{announcement}</p>
    </div>
  );
}
