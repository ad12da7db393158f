import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return (
    <div className="card max-w-xl">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("text")}</p>
      <Link href="/" className="mt-4 inline-block">{t("link")}</Link>
    </div>
  );
}
