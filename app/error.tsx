"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card max-w-xl">
      <h1 className="text-xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        This page could not be shown. {error.digest ? `Quote reference ${error.digest} if you report it.` : ""}
      </p>
      <button type="button" className="btn mt-4" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
