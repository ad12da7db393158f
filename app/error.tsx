"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * A page that failed. The error's message does not reach the browser, so whether the database is
 * down is asked of /api/health: during an outage the page says so and that trying again will work
 * once it is back, instead of a generic failure with a reference nobody needs to quote.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errorPage");
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
      <h1 className="text-xl font-bold">{databaseDown ? t("unavailableTitle") : t("title")}</h1>
      <p className="mt-2 text-slate-600">
        {databaseDown
          ? t("unavailableText")
          : `${t("text")} ${error.digest ? t("reference", { reference: error.digest }) : ""}`}
      </p>
      <button type="button" className="btn mt-4" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
