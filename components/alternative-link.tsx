import Link from "next/link";
import { approvedEdition, computeHeadline } from "@/lib/domain/headline";
import { decisionsInEffect } from "@/lib/domain/verdict";
import type { SoftwareDetail } from "@/lib/queries/software";

export type Alternative = SoftwareDetail["classifications"][number]["alternatives"][number]["alternative"];

/** A software page's anchor for one edition's answer. */
export function editionAnchor(editionSlug: string | null): string {
  return editionSlug ? `edition-${editionSlug}` : "all-editions";
}

/** An approved alternative, linked to its approved edition when its editions are classified differently. */
export function AlternativeLink({ alternative, now: at }: { alternative: Alternative; now: Date }) {
  const edition = approvedEdition(computeHeadline(alternative.editions, decisionsInEffect(alternative.classifications), at));
  if (!edition) return <Link href={`/software/${alternative.slug}`}>{alternative.name}</Link>;
  return <Link href={`/software/${alternative.slug}#${editionAnchor(edition.slug)}`}>{alternative.name} {edition.name}</Link>;
}
