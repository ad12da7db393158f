/** Runs once per server start (Node.js runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, before any request is served: which peer sent it, and which forwarded headers count.
    const { installPeerAddressRecorder } = await import("./lib/server/peer-address-recorder");
    installPeerAddressRecorder();
    const { startServer } = await import("./lib/server/startup");
    await startServer();
  }
}
