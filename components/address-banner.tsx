import { useTranslations } from "next-intl";

/**
 * Shown on every page opened at another address of this server (127.0.0.1 instead of
 * localhost, an internal name instead of the public one): the session cookie and every
 * change belong to VETTED_URL alone, so say so before any form is filled in.
 */
export function AddressBanner({ openedAt, vettedAt, path }: { openedAt: string; vettedAt: string; path: string }) {
  const t = useTranslations("ui.address");
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
      {t.rich("openedAt", {
        openedAt,
        vettedAt,
        link: (chunks) => (
          <a href={`${vettedAt}${path}`} className="font-semibold underline">
            {chunks}
          </a>
        ),
      })}
    </div>
  );
}
