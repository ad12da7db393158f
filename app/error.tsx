"use client";

import { useEffect, useState } from "react";

/**
 * A page that failed. The error's message does not reach the browser, so whether the database is
 * down is asked of /api/health: during an outage the page says so and that trying again will work
 * once it is back, instead of a generic failure with a reference nobody needs to quote.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => {
        if (!cancelled) setDatabaseDown(response.status === 503);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [error]);

  return (
    <div className="card max-w-xl" role="alert">
      <h1 className="text-xl font-bold">{databaseDown ? "Vetted is briefly unavailable" : "Something went wrong"}</h1>
      <p className="mt-2 text-slate-600">
        {databaseDown
          ? "Vetted cannot reach its database right now (a restart or maintenance). Try again in a few seconds."
          : `This page could not be shown. ${error.digest ? `Quote reference ${error.digest} if you report it.` : ""}`}
      </p>
      <button type="button" className="btn mt-4" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
