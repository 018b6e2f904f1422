/**
 * The `mamori` command line. Each sub-command lives in its own module and is loaded only when called, so
 * `mamori detect` never pays for the database driver and `mamori start` never loads the CRE tables.
 */
type CommandModule = { run: (args: string[]) => Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  start: { summary: "serve the API and the web app", load: () => import("./start-command.ts") },
  "seed-demo": {
    summary: "fill an empty database with the demo facility",
    load: () => import("./seed-demo-command.ts"),
  },
  backup: {
    summary: "write a complete copy of the database to a file",
    load: () => import("./backup-command.ts"),
  },
  restore: { summary: "put a backup into an empty database", load: () => import("./restore-command.ts") },
  evaluate: {
    summary: "run the facility rules on a scenario file",
    load: () => import("./evaluate-command.ts"),
  },
  forms: {
    summary: "the manual's forms 付録4② and ③ from a scenario file",
    load: () => import("./forms-command.ts"),
  },
  detect: { summary: "run aberration detection on a series file", load: () => import("./detect-command.ts") },
  obligations: {
    summary: "what is due in the infection-control routine on a record file",
    load: () => import("./obligations-command.ts"),
  },
  cre: { summary: "CRE stewardship (`cre advise CASE.json`)", load: () => import("./cre-command.ts") },
  survey: {
    summary: "FHIR Questionnaires: validate, evaluate a response, export a built-in one",
    load: () => import("./survey-command.ts"),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: mamori <command> [options]\n\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`mamori: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}
