export interface Io {
  readonly fr: boolean;
  /** Human messages: stdout, or stderr once dataMode() is on. */
  log(message: string): void;
  error(message: string): void;
  /** Machine output (JSON, CSV) on stdout; human messages then go to stderr so they never mix. */
  dataMode(): void;
  write(text: string): Promise<void>;
  help(text: { fr: string; en: string }): number;
}

export function consoleIo(env: NodeJS.ProcessEnv = process.env): Io {
  const fr = !/^en/i.test(env.AMIABLE_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  let data = false;
  return {
    fr,
    log: (message) => (data ? process.stderr : process.stdout).write(`${message}\n`),
    error: (message) => process.stderr.write(`${message}\n`),
    dataMode: () => {
      data = true;
    },
    write: (text) =>
      new Promise((resolve, reject) => {
        process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
      }),
    help(text) {
      process.stdout.write(`${fr ? text.fr : text.en}\n`);
      return 0;
    },
  };
}
