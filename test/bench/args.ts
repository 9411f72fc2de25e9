/** A bench's `--name value` option from its command line, or `fallback` when it is not given. */
export function benchOption(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
}
