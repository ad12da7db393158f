/** What every refused change made at another address of Vetted says, on the server and in the browser alike. */
export function openVettedAtMessage(vettedOrigin: string): string {
  return `Open Vetted at ${vettedOrigin} to make changes.`;
}
