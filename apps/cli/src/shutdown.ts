/** Resolves on the first Ctrl-C or SIGTERM; a second one exits at once. */
export function waitForShutdown(log: (message: string) => void, fr: boolean): Promise<string> {
  return new Promise((resolve) => {
    let signalledAt = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      // A terminal and a supervisor may deliver the same stop twice at once: only a later one forces.
      if (signalledAt > 0 && Date.now() - signalledAt < 1000) return;
      if (signalledAt > 0) {
        log(fr ? 'Arrêt forcé.' : 'Forced exit.');
        process.exit(130);
      }
      signalledAt = Date.now();
      log(
        fr
          ? `\n${signal} reçu : arrêt propre (Ctrl-C à nouveau pour forcer)…`
          : `\n${signal} received: shutting down cleanly (Ctrl-C again to force)…`,
      );
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
