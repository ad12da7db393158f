import { EVIDENCE_MAX_BYTES } from "./evidence";

/**
 * The largest body a server action (a form post) reads: the largest file any form takes
 * (evidence, 10 MB) plus room for the form's other fields and the multipart framing. Next's
 * limit for server actions and for the copy of a body it buffers for the proxy are both set to
 * it (next.config.ts), so a body up to here reaches the mutation whole and gets the form's own
 * message; the proxy answers a declared body above it with 413 before anything is read, since
 * past Next's limit its form reader stops mid-form and answers 500.
 */
export const FORM_POST_MAX_BYTES = EVIDENCE_MAX_BYTES + 1024 * 1024;

export const FORM_POST_TOO_LARGE_MESSAGE = `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB: attach a smaller file, or a link to it.`;
