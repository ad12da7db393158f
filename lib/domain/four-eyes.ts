import type { Level } from "./assessment";
import { LEVEL_LABELS } from "./assessment";
import { STATUS_LABELS, dataClassRank, type DataClass, type Status } from "./vocabulary";

interface Decision {
  status: Status;
  maxDataClass: DataClass | null;
}

/** How much a status lets people do; under review counts as "not yet", like restricted. */
const PERMISSIVENESS: Record<Status, number> = { prohibited: 0, restricted: 1, under_review: 1, approved_with_conditions: 2, approved: 3 };

/**
 * The four-eyes rule: a decision takes effect only after a second, different reviewer confirms
 * it when it loosens a restriction in force (a prohibited or restricted tool becomes more
 * permissive, an approval reaches a higher data class or drops its conditions), or when the
 * tool's assessed risk tier is critical. A first decision, or one that only tightens, takes
 * effect at once. Under review → approved is the ordinary end of an assessment, not a loosening.
 */
export function secondReviewerRule(current: Decision | null, next: Decision, tier: Level | null): { required: boolean; reason: string | null } {
  if (tier === "critical") return { required: true, reason: `The tool's assessed risk tier is ${LEVEL_LABELS.critical.toLowerCase()}.` };
  if (!current) return { required: false, reason: null };
  if ((current.status === "prohibited" || current.status === "restricted") && PERMISSIVENESS[next.status] > PERMISSIVENESS[current.status]) {
    return { required: true, reason: `It loosens ${STATUS_LABELS[current.status]} to ${STATUS_LABELS[next.status]}.` };
  }
  const bothApprove = PERMISSIVENESS[current.status] >= 2 && PERMISSIVENESS[next.status] >= 2;
  if (bothApprove && current.maxDataClass && next.maxDataClass && dataClassRank(next.maxDataClass) > dataClassRank(current.maxDataClass)) {
    return { required: true, reason: "It allows a more sensitive data class than before." };
  }
  if (current.status === "approved_with_conditions" && next.status === "approved") {
    return { required: true, reason: "It drops the conditions of use." };
  }
  return { required: false, reason: null };
}
