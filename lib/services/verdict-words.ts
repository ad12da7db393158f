import "server-only";
import type { AgentCapability } from "../domain/agent-capabilities";
import type { VerdictReason } from "../domain/verdict";
import type { DataClass, Status } from "../domain/vocabulary";
import { t, type MessageKey } from "../i18n/translate";

/**
 * The domain's reasons and capabilities (keys and values) in the reader's language: the check
 * API, the bulk check and the software page word them here, data classes in the company's labels.
 */

const dataClass = (c: DataClass) => t(`vocabulary.dataClass.${c}`);
const status = (s: Status | null) => (s ? t(`vocabulary.status.${s}`) : t("software.reasons.notYetClassified"));

export function verdictReasonText(reason: VerdictReason): string {
  switch (reason.key) {
    case "onlyUpTo":
      return t("software.reasons.onlyUpTo", { max: dataClass(reason.max), asked: dataClass(reason.asked) });
    case "withinClasses":
      return t("software.reasons.withinClasses", { dataClass: dataClass(reason.dataClass), max: dataClass(reason.max) });
    case "allowedUpTo":
      return t("software.reasons.allowedUpTo", { max: dataClass(reason.max) });
    case "heldException":
      return t("software.reasons.heldException", { dataClass: dataClass(reason.dataClass), endsOn: reason.endsOn });
    case "differsByEdition":
      return t("software.reasons.differsByEdition", {
        editions: reason.editions.map((e) => t("software.reasons.editionStatus", { edition: e.name, status: status(e.status) })).join(t("vocabulary.listSeparator")),
      });
    case "noSuchEdition":
      return t("software.reasons.noSuchEdition", { edition: reason.edition });
    default:
      return t(`software.reasons.${reason.key}`);
  }
}

export function verdictReasonsText(reasons: readonly VerdictReason[]): string[] {
  return reasons.map(verdictReasonText);
}

/** "can run shell commands on your computer": what the agent can do, to follow "It …" (software.risk.capability). */
export function capabilityText(capability: AgentCapability): string {
  return t(`software.capabilities.${capability.id}.${capability.answer}` as MessageKey);
}
